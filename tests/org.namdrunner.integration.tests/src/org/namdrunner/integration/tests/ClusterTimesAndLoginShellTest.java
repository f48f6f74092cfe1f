package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.slurm.SlurmScheduler;
import org.namdrunner.testing.BuiltInProfiles;
import org.namdrunner.testing.TestCluster;

/**
 * The real squeue/sacct/sbatch command lines against the Alpine twin with the built-in profile's own prefix
 * ({@code source /etc/profile && module load slurm/alpine}: the twin's login shells run in America/Denver and print
 * a motd and Lmod chatter), the workbench reading in Asia/Kolkata (+05:30, not a whole hour from anything in
 * America), and once more behind a prefix that also prints a banner line on stdout shaped like a squeue row. The
 * times SLURM reports must lie between two readings of the cluster's own clock, and the banner must not become a
 * problem or a row.
 */
class ClusterTimesAndLoginShellTest {

    private static final String BANNER = "echo 'Welcome to the Alpine twin | 12|RUNNING|x' "
            + "&& echo 'Lmod has detected the following error: none, just chatter' >&2";

    @Test
    void timesAreRightWhateverTheZonesAndBannersAreNotRead() throws Exception {
        TestCluster cluster = TestCluster.load();
        ClusterProfile base = cluster.profile("times");
        // the built-in prefix, then a banner on stdout that looks like a squeue row
        ClusterProfile p = BuiltInProfiles.with(base, java.util.Map.of("commandPrefix", base.commandPrefix() + " && " + BANNER));
        // the profile's scratch root is shared with every other test: this test works in a folder of its own
        String mine = p.scratchRoot() + "/times-" + System.nanoTime();
        ClusterConnectionProvider connections = Wiring.connections(cluster);
        NullProgressMonitor m = new NullProgressMonitor();
        try {
            ClusterConnection c = connections.connectionFor(p);
            SlurmScheduler scheduler = new SlurmScheduler(ZoneId.of("Asia/Kolkata"));
            String dir = mine + "/job";
            c.mkdirs(dir, m);
            c.writeFile(dir + "/job.sbatch", "#!/bin/bash\n#SBATCH --time=1\n#SBATCH --mem=100M\nsleep 2\n", m);

            Instant before = clusterClock(c);
            String id = SharedCluster.whenSlurmAnswers(() -> scheduler.submit(c, dir, dir + "/job.sbatch", m));
            assertTrue(id.matches("\\d+"), "the banner is not read as the job id: " + id);

            SchedulerJobState finished = null;
            Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
            while (finished == null && Instant.now().isBefore(deadline)) {
                QueryResult r = SharedCluster.whenSlurmAnswers(() -> scheduler.query(c, List.of(id), m));
                assertEquals(List.of(), r.problems(), "neither banner nor chatter becomes a problem");
                SchedulerJobState s = r.states().get(id);
                if (s != null && s.status() == JobStatus.COMPLETED && s.end() != null) {
                    finished = s;
                } else {
                    Thread.sleep(1000);
                }
            }
            // squeue keeps a finished job for MinJobAge (30-90 s here) without times; then sacct gives them
            assertNotNull(finished, "job " + id + " did not complete in time");
            Instant after = clusterClock(c);
            Instant start = finished.start();
            Instant end = finished.end();
            assertNotNull(start);
            // SLURM keeps whole seconds: allow the second the readings fall in
            assertTrue(!start.isBefore(before.minusSeconds(1)) && !start.isAfter(after), before + " <= " + start + " <= " + after);
            assertTrue(!end.isBefore(start) && !end.isAfter(after.plusSeconds(1)), start + " <= " + end + " <= " + after);
            assertTrue(Duration.between(start, end).toSeconds() >= 1, "the job slept 2 s: " + start + " .. " + end);
        } finally {
            try {
                connections.connectionFor(p).removeTree(mine, p.scratchRoot(), m);
            } finally {
                connections.closeAll();
            }
        }
    }

    private static Instant clusterClock(ClusterConnection c) throws Exception {
        String out = c.exec(ShellQuoting.command("date", "+%s"), Duration.ofSeconds(30), null).stdout().strip();
        return Instant.ofEpochSecond(Long.parseLong(out));
    }
}
