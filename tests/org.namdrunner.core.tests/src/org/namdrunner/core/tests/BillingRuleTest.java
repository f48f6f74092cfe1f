package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.BillingRule;
import org.namdrunner.core.cluster.ClusterLimits;
import org.namdrunner.core.cluster.CostEstimate;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/** Service units by a profile's billing rule; Alpine's figures from CURC's own example. */
class BillingRuleTest {

    private static final BillingRule ALPINE = new BillingRule(1.0, 108.2, Map.of("aa100", 108.6), Map.of());

    @Test
    void curcsExampleCostsWhatTheySay() {
        // "64 cores + 3 A100-40GB for one hour = 64 + 108.6 × 3 = 389.8 SUs"
        assertEquals(389.8, ALPINE.serviceUnits("aa100", 64, 3, Duration.ofHours(1)), 1e-9);
    }

    @Test
    void coreHoursAreOneSuEachAndGpusWithoutAPartitionRateTakeTheProfileRate() {
        assertEquals(64 * 1.5, ALPINE.serviceUnits("acpu", 64, 0, Duration.ofMinutes(90)), 1e-9);
        assertEquals(2 + 108.2 * 2, ALPINE.serviceUnits("al40", 2, 2, Duration.ofHours(1)), 1e-9);
        assertEquals(0, ALPINE.serviceUnits("acpu", 64, 0, Duration.ZERO), 1e-9);
    }

    @Test
    void aPartitionWeightScalesItsCoreHours() {
        BillingRule weighted = new BillingRule(1.0, 0, Map.of(), Map.of("amem", 2.0));
        assertEquals(2 * 8 * 3, weighted.serviceUnits("amem", 8, 0, Duration.ofHours(3)), 1e-9);
        assertEquals(8 * 3, weighted.serviceUnits("acpu", 8, 0, Duration.ofHours(3)), 1e-9);
    }

    @Test
    void noRuleIsKnownAsSuch() {
        assertFalse(BillingRule.NONE.isKnown());
        assertTrue(ALPINE.isKnown());
        assertTrue(ClusterLimits.NONE.isEmpty());
        assertFalse(ClusterLimits.NONE.withBilling(ALPINE).isEmpty(), "a billing rule alone is profile data worth storing");
    }

    @Test
    void theReviewPageEstimateIsTheWholeWalltimeInWords() {
        Resources cpu = new Resources(64, MemorySize.gigabytes(240), Duration.ofHours(24), "acpu", "cpu-normal", "", 0, "");
        assertEquals("Service units: at most 1536.0 SU (64 cores × 24 h at 1 SU per core-hour); a job that ends early is charged "
                + "only for the time it ran.", CostEstimate.beforeSubmission(ALPINE, cpu).orElseThrow());
        Resources gpu = new Resources(64, MemorySize.gigabytes(240), Duration.ofHours(1), "aa100", "gpu-normal", "", 3, "");
        assertTrue(CostEstimate.beforeSubmission(ALPINE, gpu).orElseThrow().startsWith(
                "Service units: at most 389.8 SU (64 cores + 3 GPUs × 1 h at 1 SU per core-hour and 108.6 per GPU-hour)"));
        assertTrue(CostEstimate.beforeSubmission(BillingRule.NONE, cpu).isEmpty(), "no rule, no guess");
    }

    @Test
    void aFinishedJobCostsItsAllocationForItsRunTime() {
        Resources asked = new Resources(64, MemorySize.gigabytes(240), Duration.ofHours(24), "acpu", "cpu-normal", "", 0, "");
        JobUsage ran = new JobUsage(Duration.ofMinutes(70), Duration.ofMinutes(70 * 8), 64, 1, null, null, Duration.ofHours(24), 0);
        assertEquals(64 * 70 / 60.0, CostEstimate.used(ALPINE, asked, ran).orElseThrow(), 1e-9, "all 64 cores, however idle");
        assertTrue(CostEstimate.used(BillingRule.NONE, asked, ran).isEmpty());
    }

    @Test
    void badRatesAreRefusedWithTheirPartition() {
        assertThrows(InvalidInputException.class, () -> new BillingRule(-1, 0, Map.of(), Map.of()));
        assertThrows(InvalidInputException.class, () -> new BillingRule(Double.NaN, 0, Map.of(), Map.of()));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> new BillingRule(1, 0, Map.of("aa100", -3.0), Map.of()));
        assertTrue(e.getMessage().contains("aa100"), e.getMessage());
        assertThrows(InvalidInputException.class, () -> new BillingRule(1, 0, Map.of("bad name!", 3.0), Map.of()));
    }
}
