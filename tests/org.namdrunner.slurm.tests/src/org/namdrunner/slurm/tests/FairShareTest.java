package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.slurm.internal.FairShare;

/** {@code sshare -U -l --parsable2}: the twin's real answer (no multifactor priority) and a multifactor cluster's shape. */
class FairShareTest {

    @Test
    void theTwinsAnswerSaysFairShareIsNotComputed() {
        List<String> problems = new ArrayList<>();
        List<FairShare.Share> shares = FairShare.parse(Capture.real("sshare_user_long").stdout(), problems);
        assertEquals(List.of(), problems);
        assertEquals(1, shares.size());
        assertEquals("ucb-general", shares.get(0).account());
        assertNull(shares.get(0).fairShare(), "NormShares is empty: priority/basic computes no fair-share, not a fair-share of 0");
        assertTrue(shares.get(0).describe().contains("does not compute"), shares.get(0).describe());
    }

    @Test
    void aMultifactorClusterShowsTheFactorAndTheUsage() {
        String out = "Account|User|RawShares|NormShares|RawUsage|NormUsage|EffectvUsage|FairShare|LevelFS|GrpTRESMins|TRESRunMins\n"
                + "ucb-general|||0.004|99999999||0.1||||\n"
                + "ucb-general|ralphie@colostate.edu|1|0.000123|7200000|0.000456|0.000456|0.734127|1.840000||cpu=1200\n"
                + "ucb123_asc1|ralphie@colostate.edu|1|0.02|36000000|0.5|0.5|0.210000|0.310000||cpu=0\n";
        List<String> problems = new ArrayList<>();
        List<FairShare.Share> shares = FairShare.parse(out, problems);
        assertEquals(List.of(), problems);
        assertEquals(2, shares.size(), "the account's own row (no user) is not the user's");
        assertEquals(0.734127, shares.get(0).fairShare(), 1e-9);
        assertEquals(1.84, shares.get(0).levelFs(), 1e-9);
        assertEquals(7_200_000L, shares.get(0).rawUsage());
        assertEquals("ucb-general: fair-share 0.734 (within your share: your jobs keep their priority), recent usage 2000 core-hours",
                shares.get(0).describe());
        assertTrue(shares.get(1).describe().contains("above your share"), shares.get(1).describe());
    }

    @Test
    void columnsAreFoundByNameAndBadRowsAreNamed() {
        String reordered = "Account|User|FairShare|RawUsage\nacc|me|0.5|10\nacc2|me|x|1\nshort\n";
        List<String> problems = new ArrayList<>();
        List<FairShare.Share> shares = FairShare.parse(reordered, problems);
        assertEquals(1, shares.size());
        assertEquals(0.5, shares.get(0).fairShare(), 1e-9);
        assertEquals(2, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("line 3"), problems.toString());
        List<String> none = new ArrayList<>();
        assertTrue(FairShare.parse("sshare: error: Problem with the database\n", none).isEmpty());
        assertTrue(none.get(0).contains("no header"), none.toString());
    }
}
