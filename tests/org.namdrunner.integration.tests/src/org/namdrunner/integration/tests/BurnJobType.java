package org.namdrunner.integration.tests;

import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.Job;

/**
 * A job whose work is real load rather than NAMD: an {@code srun} step ({@code .0}) that keeps one core busy for
 * {@value #BURN_SECONDS} s, then the batch step holding about {@value #HOLD_MB} MB for longer than the twin's
 * accounting interval (JobAcctGatherFrequency=5), so that sacct has CPU time and a MaxRSS to report. Same inputs and
 * files as the NAMD job (so it goes through the ordinary create and submit path); only its commands differ.
 */
final class BurnJobType extends StandinNamdJobType {

    static final String ID = "burn-test";
    static final int BURN_SECONDS = 12;
    static final int HOLD_MB = 250;

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "CPU and memory load (test)";
    }

    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        // srun, like every SLURM command on the twin (as on Alpine's login nodes), comes with the slurm module
        return "command -v srun > /dev/null || module load slurm/alpine\n"
                + "srun --ntasks=1 sh -c 'end=$(( $(date +%s) + " + BURN_SECONDS + " )); while [ $(date +%s) -lt $end ]; do :; done'\n"
                + "{ head -c " + HOLD_MB + "M /dev/zero; sleep 8; } | tail -n 1 > /dev/null\n";
    }
}
