package org.namdrunner.ui.internal.views;

import java.util.Optional;

import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.app.Backend;

/** Row context from the running services: in-memory lookups only, no I/O. */
final class BackendRowContext implements RowContext {

    private final Backend backend;

    BackendRowContext(Backend backend) {
        this.backend = backend;
    }

    @Override
    public String typeName(String jobTypeId) {
        return backend.jobTypes().find(jobTypeId).map(JobType::name).orElse(jobTypeId);
    }

    @Override
    public String clusterName(String profileId) {
        return backend.profiles().displayName(profileId);
    }

    @Override
    public boolean isStale(String profileId) {
        return backend.sync().state(profileId).stale();
    }

    @Override
    public Optional<LogSummary> progress(String jobId) {
        return backend.progress().get(jobId);
    }
}
