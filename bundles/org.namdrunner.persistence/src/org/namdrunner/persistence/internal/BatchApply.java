package org.namdrunner.persistence.internal;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import org.namdrunner.core.model.StatusChange;
import org.namdrunner.core.store.BatchResult;
import org.namdrunner.core.store.JobUpdate;

/**
 * The body of {@code JobStore.apply}, run inside one write transaction. Each update is checked against the row
 * as stored now (optimistic concurrency): a job whose status is no longer the expected one, or that is gone, is
 * a conflict and left alone; an update equal to the stored row apart from {@code updated_at} writes nothing.
 * An update to a job earlier in the same batch sees that earlier update.
 */
public final class BatchApply {

    private final JobTable jobs;
    private final HistoryTable history;

    public BatchApply(JobTable jobs, HistoryTable history) {
        this.jobs = jobs;
        this.history = history;
    }

    public BatchResult run(List<JobUpdate> updates) throws SQLException {
        List<String> written = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        List<StatusChange> changes = new ArrayList<>();
        for (JobUpdate u : updates) {
            String id = u.job().id();
            String[] stored = jobs.text(id);
            if (stored == null || !u.expectedStatus().name().equals(stored[JobRows.STATUS])) {
                conflicts.add(id);
                continue;
            }
            String[] next = JobRows.values(u.job());
            if (u.change() == null && JobRows.sameExceptUpdatedAt(stored, next)) {
                unchanged.add(id);
                continue;
            }
            jobs.update(next);
            written.add(id);
            changes.addAll(u.changes());
        }
        history.append(changes);
        return new BatchResult(written, unchanged, conflicts);
    }
}
