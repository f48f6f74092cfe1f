package org.namdrunner.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.FailureKind;

/** What removeTree may delete, decided before anything reaches the cluster. */
class RemovalGuardTest {

    private static final ClusterProfile P = new ClusterProfile("p", "p", "h", 22, "u", ClusterProfile.AuthMethod.KEY, "", "", "",
            List.of(), List.of(), List.of(), List.of(), "/projects/u", "/scratch/alpine/u", 1, 1, Duration.ofHours(1), Duration.ofMinutes(1));

    private static void refused(String path, String confinedTo) {
        ClusterException e = assertThrows(ClusterException.class, () -> RemovalGuard.check(path, confinedTo, P), path + " in " + confinedTo);
        assertEquals(FailureKind.PERMANENT, e.kind());
        assertTrue(e.getMessage().startsWith("Refused to delete"), e.getMessage());
    }

    @Test
    void aJobFolderAndWhatIsInItMayGo() {
        String job = P.projectDirFor("job_1");
        assertDoesNotThrow(() -> RemovalGuard.check(job, job, P));
        assertDoesNotThrow(() -> RemovalGuard.check(job + "/outputs/x.dcd", job, P));
        assertDoesNotThrow(() -> RemovalGuard.check(P.scratchDirFor("job_1"), P.scratchDirFor("job_1"), P));
        assertDoesNotThrow(() -> RemovalGuard.check("/other/place/job", "/other/place/job", P), "outside the roots: deep enough");
    }

    @Test
    void everythingElseIsRefused() {
        String job = P.projectDirFor("job_1");
        refused(P.projectDirFor("job_2"), job);
        refused(job + "/../job_2", job);
        refused("relative/path", job);
        refused(job, "/");
        refused("/home/u", "/home/u");
        refused("/home/u/x", "/home/u");
        refused(P.projectsRoot(), P.projectsRoot());
        refused(P.projectsRoot() + "/namdrunner_jobs", P.projectsRoot() + "/namdrunner_jobs");
        refused(P.projectsRoot() + "/namdrunner_jobs/job_1", P.projectsRoot() + "/namdrunner_jobs");
        refused(P.projectsRoot() + "/other/deep/folder", P.projectsRoot() + "/other/deep/folder");
        refused("/scratch/alpine", "/scratch/alpine");
        refused("/scratch/alpine/u/namdrunner_jobs/j", "/scratch/alpine");
        refused(job + "/x'; rm -rf ~; '", job);
    }
}
