package org.namdrunner.ui.internal.views;

import java.util.Optional;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/** What the Jobs table shows besides the job itself; in memory, so it is safe to ask while painting. */
public interface RowContext {

    String typeName(String jobTypeId);

    String clusterName(String profileId);

    /** Whether the last sync of the cluster failed, so active jobs may show an old status. */
    boolean isStale(String profileId);

    Optional<LogSummary> progress(String jobId);

    /** Names as they are, nothing stale, no progress: for tests and before the services are there. */
    RowContext PLAIN = new RowContext() {
        @Override
        public String typeName(String id) {
            return id;
        }

        @Override
        public String clusterName(String id) {
            return id;
        }

        @Override
        public boolean isStale(String id) {
            return false;
        }

        @Override
        public Optional<LogSummary> progress(String jobId) {
            return Optional.empty();
        }
    };
}
