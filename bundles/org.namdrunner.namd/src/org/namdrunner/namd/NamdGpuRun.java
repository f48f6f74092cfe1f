package org.namdrunner.namd;

import java.util.Locale;
import java.util.StringJoiner;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Resources;

/**
 * NAMD 3 on GPUs: one multicore-CUDA process ({@code namd3 +p<cores> +devices 0,1 config.namd}, no mpirun: the GPU
 * build has no MPI) and, where the config allows it, the GPU-resident integrator ({@code CUDASOAintegrate on}).
 * GPU-resident mode does not minimize, so a config with an active {@code minimize} command keeps NAMD's GPU-offload
 * mode (and says so in a comment). A config that sets {@code CUDASOAintegrate} itself is left as it is.
 */
public final class NamdGpuRun {

    static final String SOA_LINE = "CUDASOAintegrate   on";
    static final String SOA_NOTE = "# NAMDRunner: CUDASOAintegrate is not set, because this config minimizes and NAMD 3's "
            + "GPU-resident mode does not minimize (the run uses GPU-offload mode)";

    private NamdGpuRun() {
    }

    /** The batch body of a GPU job: {@code +p} from the cores, {@code +devices} the GPUs SLURM made visible (0..n-1). */
    public static String batchBody(Resources r, ClusterProfile profile, String config, String log) {
        if (profile != null && r.cores() > profile.coresPerNode()) {
            throw new InvalidInputException("cores", "A GPU run of NAMD 3 is one process on one node, and a node of " + profile.name()
                    + " has " + profile.coresPerNode() + " cores: ask for at most " + profile.coresPerNode() + " cores.");
        }
        return "# NAMD 3 GPU run: one multicore-CUDA process on " + r.cores() + " cores and " + r.gpus() + " GPU"
                + (r.gpus() == 1 ? "" : "s") + " (CUDA numbers the GPUs SLURM gave the job from 0)\n"
                + "namd3 +p" + r.cores() + " +devices " + devices(r.gpus()) + " " + config + " > " + log + " 2>&1\n";
    }

    /** {@code 0,1,…,n-1}. */
    static String devices(int gpus) {
        StringJoiner j = new StringJoiner(",");
        for (int i = 0; i < gpus; i++) {
            j.add(Integer.toString(i));
        }
        return j.toString();
    }

    /**
     * The config with {@code CUDASOAintegrate on} before its first {@code run}, unless it minimizes or sets it itself.
     * A {@code minimize 0} (a template's minimization switched off) minimizes nothing and is commented out.
     */
    public static String config(String config) {
        String[] lines = config.split("\\R", -1);
        int firstRun = -1;
        for (int i = 0; i < lines.length; i++) {
            String keyword = keyword(lines[i]);
            if (keyword.equals("cudasoaintegrate")) {
                return config;
            }
            if (keyword.equals("minimize") && lines[i].strip().matches("(?i)minimize\\s+0+\\s*(#.*)?")) {
                lines[i] = "# (GPU-resident run: nothing to minimize) " + lines[i];
            } else if (keyword.equals("minimize")) {
                return config + (config.endsWith("\n") ? "" : "\n") + SOA_NOTE + "\n";
            }
            if (keyword.equals("run") && firstRun < 0) {
                firstRun = i;
            }
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            if (i == firstRun) {
                out.append("# NAMD 3 GPU-resident integration (NAMDRunner: a GPU job)\n").append(SOA_LINE).append('\n');
            }
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
        }
        if (firstRun < 0) {
            out.append(config.endsWith("\n") ? "" : "\n").append(SOA_LINE).append('\n');
        }
        return out.toString();
    }

    /** The first word of a line's active part (before '#'), lower case; "" for a comment or a blank line. */
    static String keyword(String line) {
        int hash = line.indexOf('#');
        String active = (hash >= 0 ? line.substring(0, hash) : line).strip();
        return active.isEmpty() ? "" : active.split("[\\s;]+", 2)[0].toLowerCase(Locale.ROOT);
    }
}
