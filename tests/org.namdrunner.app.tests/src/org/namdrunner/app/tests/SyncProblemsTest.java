package org.namdrunner.app.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.eclipse.core.runtime.ILogListener;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterState;
import org.namdrunner.app.SyncProblems;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;

/**
 * [J] rules 4 and 9, the person's side: every problem of a sync reaches the cluster's state (which the status line
 * shows), the Error Log (a warning, once per change, not at every poll) and a note on the job it is about. The
 * backend, its store (a real SQLite file) and the platform log are real; the sync report is given, as the twin's
 * NoAccountingTest and SlurmRecordTest produce it (their words are the ones used here).
 */
class SyncProblemsTest {

    private static final String ID = "sync-problems";
    private static final String UNACCOUNTED = "job_sync_problems_01";
    private static final String FLAGGED = "job_sync_problems_02";
    private static ServiceTracker<Backend, Backend> tracker;
    private static Backend backend;

    @BeforeAll
    static void twoRunningJobs() throws Exception {
        tracker = new ServiceTracker<>(FrameworkUtil.getBundle(Backend.class).getBundleContext(), Backend.class, null);
        tracker.open();
        backend = tracker.waitForService(60_000); // a bound for a stuck start, not a timing
        assertNotNull(backend, "no Backend service");
        backend.profiles().save(new ClusterProfile(ID, "Problem cluster", "127.0.0.1", 1, "testuser",
                ClusterProfile.AuthMethod.KEY, "/nonexistent/id_ed25519", "", "", List.of(), List.of("acpu"), List.of(), List.of(),
                "/projects/testuser", "/scratch/testuser", 2, 4096, Duration.ofDays(1), Duration.ofHours(1)));
        for (String[] j : List.of(new String[] { UNACCOUNTED, "5101" }, new String[] { FLAGGED, "5102" })) {
            Instant t = Instant.now().minus(Duration.ofHours(1));
            backend.store().create(Job.builder().id(j[0]).name(j[0]).jobTypeId("namd").clusterProfileId(ID)
                    .status(JobStatus.RUNNING).slurmId(j[1]).createdAt(t).submittedAt(t).startedAt(t)
                    .resources(new Resources(2, MemorySize.gigabytes(1), Duration.ofHours(4), "acpu", "cpu-normal", "", 0, ""))
                    .build());
        }
    }

    @AfterAll
    static void remove() throws Exception {
        backend.store().delete(UNACCOUNTED);
        backend.store().delete(FLAGGED);
        backend.profiles().remove(ID);
        tracker.close();
    }

    private static SyncReport report(List<String> missing, List<String> flagged, List<String> problems) {
        return new SyncReport(ID, 2, List.of(), missing, List.of(), List.of(), flagged, problems, 2, Duration.ofMillis(40),
                Status.OK_STATUS, null);
    }

    @Test
    void everyProblemReachesTheStatusLineTheErrorLogAndTheJobsOnce() throws Exception {
        String accounting = "SLURM's accounting could not be reached (sacct: 'slurm_persist_conn_open_without_init: failed to open "
                + "persistent connection'); jobs 5101 were not found in accounting";
        String identity = "SLURM job 5102 is now someone else's job (name other-run, folder /scratch/x): job " + FLAGGED
                + " was not changed. Look at squeue before you act on it.";
        List<IStatus> logged = new CopyOnWriteArrayList<>();
        ILogListener listener = (status, plugin) -> {
            if (status.getMessage().startsWith("Sync of Problem cluster")) {
                logged.add(status);
            }
        };
        Platform.addLogListener(listener);
        try {
            SyncReport first = report(List.of(UNACCOUNTED), List.of(FLAGGED), List.of(accounting, identity));
            backend.sync().report(first);
            backend.sync().report(first);   // the next poll says the same: nothing new for the log or the notes

            ClusterState state = backend.sync().state(ID);
            assertEquals(List.of(accounting, identity), state.problems(), "what the status line shows");
            assertEquals(1, logged.size(), "one Error Log entry for the same problems: " + logged);
            IStatus entry = logged.getFirst();
            assertEquals(IStatus.WARNING, entry.getSeverity());
            assertEquals(List.of(accounting, identity), List.of(entry.getChildren()).stream().map(IStatus::getMessage).toList());

            Job noted = backend.store().find(UNACCOUNTED).orElseThrow();
            String note = noted.error().orElseThrow(() -> new AssertionError("no note on the unaccounted job")).message();
            assertEquals(SyncProblems.NOTE_TYPE, noted.error().get().type());
            assertTrue(note.contains("accounting could not be reached") && note.contains("asked about at every sync"), note);
            assertEquals(1, note.split("accounting could not be reached", -1).length - 1, "the note is written once: " + note);
            assertEquals(JobStatus.RUNNING, noted.status(), "a note never changes the status");

            backend.sync().report(report(List.of(), List.of(), List.of()));
            assertTrue(backend.sync().state(ID).problems().isEmpty(), "a clean poll clears the status line");
            backend.sync().report(first);
            assertEquals(2, logged.size(), "the problems came back after a clean poll: logged again");
        } finally {
            Platform.removeLogListener(listener);
        }
    }
}
