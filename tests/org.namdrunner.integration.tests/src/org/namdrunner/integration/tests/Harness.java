package org.namdrunner.integration.tests;

import org.namdrunner.testing.TestCluster;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Predicate;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileList;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.JobTypeList;
import org.namdrunner.core.lifecycle.JobService;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.lifecycle.SyncSettings;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.slurm.SlurmScheduler;

/** One workbench's worth of real parts: a SQLite file, the SSH transport, SLURM, the NAMD job type. */
final class Harness implements AutoCloseable {

    final TestCluster cluster;
    final ClusterProfile profile;
    final Path dbFile;
    final JobStore store;
    final ClusterConnectionProvider realConnections;
    final FaultInjectingConnection connection;
    final JobService service;

    Harness(TestCluster cluster, ClusterProfile profile, Path dbFile, Duration missingGrace) throws Exception {
        this(cluster, profile, dbFile, missingGrace, Wiring.connections(cluster));
    }

    /** The same parts with another SSH transport (e.g. through a private sshd, or logging in with a password). */
    Harness(TestCluster cluster, ClusterProfile profile, Path dbFile, Duration missingGrace, ClusterConnectionProvider connections)
            throws Exception {
        this.cluster = cluster;
        this.profile = profile;
        this.dbFile = dbFile;
        this.store = Wiring.openStore(dbFile);
        this.realConnections = connections;
        this.connection = new FaultInjectingConnection(realConnections.connectionFor(profile));
        ClusterConnectionProvider injected = new ClusterConnectionProvider() {
            @Override
            public ClusterConnection connectionFor(ClusterProfile p) {
                return connection;
            }

            @Override
            public void closeAll() {
                realConnections.closeAll();
            }
        };
        this.service = new JobService(store, new SlurmScheduler(), injected, new JobTypeList(List.of(new StandinNamdJobType(), new BurnJobType())),
                new ClusterProfileList(List.of(profile)), new SyncSettings(missingGrace), Clock.systemUTC());
    }

    Job job(String id) throws Exception {
        return store.find(id).orElseThrow(() -> new AssertionError("job " + id + " is not in the store"));
    }

    /** Syncs every two seconds until the job satisfies the condition; fails with the last state after the deadline. */
    Job syncUntil(String jobId, Predicate<Job> condition, Duration deadline) throws Exception {
        Instant end = Instant.now().plus(deadline);
        while (true) {
            SyncReport report = service.sync(profile.id(), new NullProgressMonitor());
            Job job = job(jobId);
            if (condition.test(job)) {
                return job;
            }
            if (Instant.now().isAfter(end)) {
                fail("Job " + job + " (SLURM state " + job.slurmState().orElse("?") + ", reason " + job.slurmReason().orElse("?")
                        + ") did not get there within " + deadline + "; last sync: " + report.status());
            }
            Thread.sleep(2000);
        }
    }

    /** Runs a command on the cluster directly (for checks the product does not make itself). */
    ExecResult exec(String command) throws Exception {
        return connection.exec(command, Duration.ofSeconds(60), new NullProgressMonitor());
    }

    /** Runs a SLURM command after the profile's prefix (on the twin, as on Alpine: source /etc/profile && module load slurm/alpine). */
    ExecResult slurm(String command) throws Exception {
        return exec(withPrefix(profile, command));
    }

    static String withPrefix(ClusterProfile p, String command) {
        return p.commandPrefix().isEmpty() ? command : p.commandPrefix() + " && " + command;
    }

    boolean remoteExists(String path) throws Exception {
        return exec(ShellQuoting.command("test", "-e", path)).exitCode() == 0;
    }

    /** Waits, without the product, until sacct reports a final state for the SLURM id. */
    String waitForAccountingState(String slurmId, Duration deadline) throws Exception {
        Instant end = Instant.now().plus(deadline);
        while (Instant.now().isBefore(end)) {
            String state = slurm(ShellQuoting.command("sacct", "-X", "-n", "-P", "-j", slurmId, "-o", "State")).stdout().strip();
            if (!state.isEmpty() && !state.startsWith("PENDING") && !state.startsWith("RUNNING") && !state.startsWith("COMPLETING")) {
                return state;
            }
            Thread.sleep(1000);
        }
        throw new AssertionError("SLURM job " + slurmId + " did not finish within " + deadline);
    }

    @Override
    public void close() throws Exception {
        realConnections.closeAll();
        if (store instanceof AutoCloseable c) {
            c.close();
        }
    }
}
