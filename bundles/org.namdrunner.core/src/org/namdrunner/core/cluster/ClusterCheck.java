package org.namdrunner.core.cluster;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;

/**
 * "Test connection": checks, with the profile's own prefix and folders, what a job needs from a cluster, and says
 * which part is wrong in words. Runs over one connection (no extra login, so no extra Duo approval), never on the
 * UI thread.
 */
public interface ClusterCheck {

    /** How a part came out. */
    enum Level {
        OK,
        /** works, but the profile and the cluster disagree (e.g. a QoS limit) */
        WARNING,
        /** a job would fail because of this part */
        ERROR
    }

    /**
     * One checked part.
     *
     * @param part   what was checked, e.g. "Login", "SLURM commands", "Partitions", "Job folder (scratch)"
     * @param level  the outcome
     * @param detail what was found, in words a person can act on
     */
    record Result(String part, Level level, String detail) {

        public boolean ok() {
            return level != Level.ERROR;
        }
    }

    /** Every part, in order; a part that cannot be checked because an earlier one failed is reported as such. */
    List<Result> check(ClusterConnection connection, IProgressMonitor monitor);

    /** What the cluster says about itself, to fill a profile from (sinfo, sacctmgr, scontrol). */
    ClusterSurvey survey(ClusterConnection connection, IProgressMonitor monitor) throws ClusterException;
}
