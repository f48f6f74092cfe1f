package org.namdrunner.slurm.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterSurvey;
import org.namdrunner.slurm.internal.ClusterFacts;

/** What the Alpine twin printed for ClusterFacts.COMMAND (captured 2026-12-01 as testuser), read into proposals. */
class ClusterFactsTest {

    private static final String S = "::namdrunner-section::\n";
    private static final String CAPTURED = "acpu|64|240000|7-00:00:00\natesting|64|240000|1:00:00\naa100|64|240000|7-00:00:00\n" + S
            + "ucb-general||cpu-long,cpu-normal,gpu-long,gpu-normal,gpu-testing,testing\ntestacct||high,normal\n" + S
            + "normal|1-00:00:00\nhigh|7-00:00:00\ncpu-normal|1-00:00:00\ncpu-long|7-00:00:00\ngpu-normal|1-00:00:00\n"
            + "gpu-long|7-00:00:00\ngpu-testing|01:00:00\ntesting|01:00:00\nscavenger|\n" + S
            + "PartitionName=aa100 AllowGroups=ALL AllowAccounts=ALL AllowQos=gpu-normal,gpu-long,gpu-testing Default=NO MaxTime=7-00:00:00\n"
            + "PartitionName=acpu AllowGroups=ALL AllowAccounts=ALL AllowQos=cpu-normal,cpu-long AllocNodes=ALL Default=YES QoS=N/A\n"
            + "PartitionName=atesting AllowQos=testing Default=NO\nPartitionName=open AllowQos=ALL Default=NO\n";

    @Test
    void theCapturedAnswerBecomesProposals() {
        ClusterSurvey s = ClusterFacts.parse(CAPTURED).survey();
        assertEquals(List.of("acpu", "atesting", "aa100"), s.partitions(), "the default first");
        assertEquals(List.of("cpu-long", "cpu-normal", "gpu-long", "gpu-normal", "gpu-testing", "testing", "high", "normal"), s.qos());
        assertEquals(List.of("ucb-general", "testacct"), s.accounts());
        assertEquals(Duration.ofDays(1), s.qosMaxWalltime().get("cpu-normal"));
        assertEquals(Duration.ofHours(1), s.qosMaxWalltime().get("gpu-testing"));
        assertEquals(null, s.qosMaxWalltime().get("scavenger"), "not the user's, and no MaxWall");
        assertEquals(List.of("cpu-normal", "cpu-long"), s.partitionQos().get("acpu"));
        assertEquals(null, s.partitionQos().get("open"), "AllowQos=ALL limits nothing");
        assertEquals(64, s.coresPerNode());
        assertEquals(240000, s.memoryPerNodeMb());
    }

    @Test
    void garbageAndMissingSectionsGiveEmptyProposals() {
        ClusterSurvey s = ClusterFacts.parse("Lmod: nothing\n|||\nacpu*|x|y|z\n").survey();
        assertEquals(List.of("acpu"), s.partitions(), "only the line shaped like sinfo's, its default '*' dropped");
        assertEquals(0, s.coresPerNode());
        assertEquals(List.of(), s.accounts());
        assertEquals(List.of(), ClusterFacts.parse(null).survey().partitions());
    }
}
