package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.JobIdentity;
import org.namdrunner.core.scheduler.JobTag;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

class JobIdentityTest {

    private static final JobIdentity OURS = new JobIdentity(new JobTag("job_20261201_225000_a1b2c3"), "equil",
            "/scratch/alpine/u/namdrunner_jobs/job_20261201_225000_a1b2c3");

    private static SchedulerJobState row(String name, String comment, String workDir) {
        return new SchedulerJobState("7", JobStatus.RUNNING, "RUNNING", null, null, null, null, null, null, null, null, null, null,
                workDir, name, comment, Origin.QUEUE);
    }

    @Test
    void ourRowFitsAndSomeoneElsesDoesNot() {
        assertEquals(List.of(), OURS.mismatches(row("equil", "namdrunner:job_20261201_225000_a1b2c3", OURS.workDir())));
        List<String> other = OURS.mismatches(row("someone-else", null, "/scratch/alpine/v/foreign"));
        assertEquals(2, other.size(), other.toString());
        assertTrue(other.get(0).contains("someone-else"), other.toString());
        assertEquals(1, OURS.mismatches(row("equil", "namdrunner:job_other", OURS.workDir())).size(), "another job's tag");
    }

    @Test
    void fieldsACommandDoesNotReportAreNotHeldAgainstARowAndAResolvedRootIsTheSameFolder() {
        assertEquals(List.of(), OURS.mismatches(row("equil", null, OURS.workDir())), "sacct without job_comment");
        assertEquals(List.of(), OURS.mismatches(row(null, null, null)));
        assertEquals(List.of(), OURS.mismatches(row("equil", null, "/gpfs/alpine1/scratch/u/namdrunner_jobs/job_20261201_225000_a1b2c3")),
                "the physical path of a symlinked scratch root");
    }

    @Test
    void theTagIsReadBackOnlyFromOurComments() {
        assertEquals(Optional.of(new JobTag("job_1")), JobTag.parse("namdrunner:job_1"));
        assertEquals(Optional.empty(), JobTag.parse("(null)"));
        assertEquals(Optional.empty(), JobTag.parse("namdrunner:../x"));
        assertEquals("namdrunner:job_1", new JobTag("job_1").text());
    }
}
