package org.namdrunner.ui.internal.status;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.app.ClusterState;

/** [J] rule 4: a sync that succeeded with problems says so in the status line, and the tooltip lists them. */
class SyncProblemsStatusLineTest {

    @Test
    void problemsOfASuccessfulSyncShowInTheStatusLineAndItsTooltip() {
        String accounting = "SLURM's accounting could not be reached (sacct: 'connection refused'); jobs 5101 were not found";
        String identity = "SLURM job 5102 is now someone else's job: job job_02 was not changed.";
        ClusterState troubled = new ClusterState("alpine", true, Instant.now(), null, null, false, List.of(accounting, identity));
        ClusterState clean = new ClusterState("other", true, Instant.now(), null, null, false, List.of());
        ConnectionStatusControl.Summary s = ConnectionStatusControl.summarize(List.of(clean, troubled), id -> id.equals("alpine") ? "Alpine" : "Other");
        assertEquals("Alpine: 2 sync problems (details in the Error Log)", s.text());
        assertTrue(s.tooltip().contains(accounting) && s.tooltip().contains(identity), s.tooltip());

        ConnectionStatusControl.Summary fine = ConnectionStatusControl.summarize(List.of(clean), id -> "Other");
        assertTrue(fine.text().startsWith("Other: connected"), fine.text());
    }
}
