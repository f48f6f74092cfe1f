package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.core.runtime.Platform;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterCheck.Level;
import org.namdrunner.core.cluster.ClusterCheck.Result;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterSurvey;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.namdrunner.slurm.SlurmClusterCheck;
import org.namdrunner.testing.TestCluster;

/**
 * Test connection against the real cluster: the built-in Alpine profile, pointed at the twin (host, port, user, key,
 * transfer host only), passes every part; each wrong part is named in words; the survey proposes what the cluster has.
 */
class ClusterCheckTest {

    private static TestCluster cluster;
    private static ClusterConnectionProvider connections;
    private static ClusterProfile alpine;

    @BeforeAll
    static void setUp() throws Exception {
        cluster = TestCluster.load();
        connections = Wiring.connections(cluster);
        ClusterProfile shipped = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), cluster.get("user")).require("alpine");
        alpine = with(shipped, shipped.commandPrefix(), shipped.partitions(), shipped.qos(), shipped.accounts(), shipped.scratchRoot(),
                cluster.get("transferHost"));
    }

    @AfterAll
    static void close() {
        connections.closeAll();
    }

    private static ClusterProfile with(ClusterProfile p, String prefix, List<String> partitions, List<String> qos, List<String> accounts,
            String scratch, String transferHost) {
        return new ClusterProfile(p.id(), p.name(), cluster.get("host"), Integer.parseInt(cluster.get("port")), cluster.get("user"),
                ClusterProfile.AuthMethod.KEY, cluster.get("key"), transferHost, prefix, p.moduleLines(), partitions, qos, accounts,
                p.projectsRoot(), scratch, p.coresPerNode(), p.memoryPerNodeMb(), p.maxWalltime(), p.pollInterval(), p.limits());
    }

    private static List<Result> check(ClusterProfile p) {
        List<Result> results = new SlurmClusterCheck().check(connections.connectionFor(p), new NullProgressMonitor());
        System.out.println(p.id() + ":\n" + results.stream().map(r -> "  " + r.level() + " " + r.part() + ": " + r.detail())
                .collect(Collectors.joining("\n")));
        return results;
    }

    private static Result part(List<Result> results, String part) {
        return results.stream().filter(r -> r.part().equals(part)).findFirst()
                .orElseThrow(() -> new AssertionError("no result for " + part + ": " + results));
    }

    @Test
    void theShippedAlpineProfilePassesEveryPart() {
        List<Result> results = check(alpine);
        assertEquals(List.of("Login", "SLURM commands", "Partitions", "QoS", "Accounts", "QoS limits", "Fair-share", "Job folder (projects)",
                "Job folder (scratch)", "Transfer host"), results.stream().map(Result::part).toList());
        for (Result r : results) {
            assertTrue(r.ok(), r.part() + ": " + r.detail());
        }
        // the twin has acpu, atesting and aa100 of Alpine's partitions: the others are named, not an error
        Result partitions = part(results, "Partitions");
        if (partitions.level() == Level.WARNING) {
            assertTrue(partitions.detail().contains("ami100"), partitions.detail());
        }
        assertTrue(part(results, "Transfer host").detail().contains(cluster.get("transferHost")));
        // sshare through the same login shell: the twin's account, and no multifactor priority there
        String share = part(results, "Fair-share").detail();
        assertTrue(share.startsWith("ucb-general: the cluster does not compute fair-share"), share);
    }

    @Test
    void eachWrongPartIsNamed() {
        ClusterProfile noPrefix = with(alpine, "", alpine.partitions(), alpine.qos(), alpine.accounts(), alpine.scratchRoot(), "");
        Result slurm = part(check(noPrefix), "SLURM commands");
        assertEquals(Level.ERROR, slurm.level());
        assertTrue(slurm.detail().contains("sbatch") && slurm.detail().contains("no command prefix"), slurm.detail());

        ClusterProfile badPrefix = with(alpine, "module load slurm/nowhere", alpine.partitions(), alpine.qos(), alpine.accounts(),
                alpine.scratchRoot(), "");
        Result prefix = part(check(badPrefix), "SLURM commands");
        assertEquals(Level.ERROR, prefix.level());
        assertTrue(prefix.detail().contains("command prefix failed") && prefix.detail().contains("slurm/nowhere"), prefix.detail());

        ClusterProfile old = with(alpine, alpine.commandPrefix(), List.of("amilan", "acpu"), List.of("cpu-normal", "normal-2023"),
                List.of("ucb-general", "csu-general"), "/proc/namdrunner", "127.0.0.3");
        List<Result> results = check(old);
        assertTrue(part(results, "Partitions").detail().contains("amilan") && part(results, "Partitions").level() == Level.ERROR,
                part(results, "Partitions").detail());
        assertTrue(part(results, "Partitions").detail().contains("the profile's default"), part(results, "Partitions").detail());
        assertTrue(part(results, "QoS").detail().contains("normal-2023"), part(results, "QoS").detail());
        assertEquals(Level.WARNING, part(results, "QoS").level(), "only a QoS that is not the default");
        assertTrue(part(results, "Accounts").detail().contains("csu-general"), part(results, "Accounts").detail());
        Result scratch = part(results, "Job folder (scratch)");
        assertEquals(Level.ERROR, scratch.level());
        assertTrue(scratch.detail().contains("/proc/namdrunner"), scratch.detail());
        Result transfer = part(results, "Transfer host");
        assertEquals(Level.ERROR, transfer.level());
        assertTrue(transfer.detail().contains("127.0.0.3"), transfer.detail());
        assertEquals(Level.OK, part(results, "Job folder (projects)").level());
    }

    @Test
    void theSurveyProposesWhatTheClusterHas() throws Exception {
        ClusterSurvey s = new SlurmClusterCheck().survey(connections.connectionFor(alpine), new NullProgressMonitor());
        assertEquals(cluster.get("defaultPartition"), s.partitions().get(0));
        assertTrue(s.partitions().containsAll(cluster.list("partitions")), s.partitions().toString());
        assertTrue(s.qos().containsAll(cluster.list("qos")), s.qos().toString());
        assertTrue(s.accounts().contains(cluster.get("account")), s.accounts().toString());
        assertEquals(Duration.ofDays(1), s.qosMaxWalltime().get("cpu-normal"));
        assertEquals(Duration.ofHours(1), s.qosMaxWalltime().get("testing"));
        assertEquals(List.of("cpu-normal", "cpu-long"), s.partitionQos().get("acpu"));
        assertEquals(Integer.parseInt(cluster.get("cpus")), s.coresPerNode());
        assertEquals(Long.parseLong(cluster.get("realMemoryMb")), s.memoryPerNodeMb());
        ClusterProfile filled = s.proposeFor(with(alpine, alpine.commandPrefix(), List.of("amilan"), List.of(), List.of(),
                alpine.scratchRoot(), ""));
        assertEquals(s.partitions(), filled.partitions());
        assertEquals(Duration.ofDays(1), filled.limits().maxWalltime("cpu-normal").orElseThrow());
        assertTrue(part(check(filled), "Partitions").ok());
    }
}
