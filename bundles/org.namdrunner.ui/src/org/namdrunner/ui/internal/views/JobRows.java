package org.namdrunner.ui.internal.views;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.namdrunner.core.store.JobSummary;

/**
 * The rows of the Jobs table: every job's summary, narrowed by a {@link JobQuery} and ordered by one column. Pure data,
 * so filtering and sorting 100,000 jobs is a few milliseconds of list work and nothing else.
 */
public final class JobRows {

    private List<JobSummary> all = List.of();
    private List<JobSummary> visible = List.of();
    private JobQuery query = JobQuery.all();
    private JobColumn sortColumn = JobColumn.SUBMITTED;
    private boolean ascending;
    private final ChainRows chains = new ChainRows();

    public void setJobs(List<JobSummary> jobs) {
        all = List.copyOf(jobs);
        chains.setJobs(all);
    }

    /** The chains among the jobs: their rows and the texts that differ for them. */
    ChainRows chains() {
        return chains;
    }

    /** Takes in the summaries of changed jobs: replaced, added, or (changed but not found) removed. */
    public void patch(Set<String> changedIds, List<JobSummary> found) {
        setJobs(patched(all, changedIds, found));   // the chain rows follow their stages
    }

    /** {@code jobs} with the changed ones replaced, the new ones first and those not found (deleted) left out. */
    static List<JobSummary> patched(List<JobSummary> jobs, Set<String> changedIds, List<JobSummary> found) {
        Map<String, JobSummary> byId = new LinkedHashMap<>();
        for (JobSummary j : found) {
            byId.put(j.id(), j);
        }
        List<JobSummary> kept = new ArrayList<>(jobs.size() + byId.size());
        for (JobSummary j : jobs) {
            if (!changedIds.contains(j.id())) {
                kept.add(j);
            } else {
                JobSummary now = byId.remove(j.id());
                if (now != null) {
                    kept.add(now);
                }
            }
        }
        List<JobSummary> out = new ArrayList<>(byId.values());   // what is left was not listed yet: new jobs
        out.addAll(kept);
        return out;
    }

    public void setQuery(JobQuery q) {
        query = q;
    }

    public JobQuery query() {
        return query;
    }

    /** Sorts by {@code column}; the same column again flips the direction. */
    public void sortBy(JobColumn column) {
        if (column == sortColumn) {
            ascending = !ascending;
        } else {
            sortColumn = column;
            ascending = column == JobColumn.NAME || column == JobColumn.TYPE || column == JobColumn.CLUSTER;
        }
    }

    public JobColumn sortColumn() {
        return sortColumn;
    }

    public boolean ascending() {
        return ascending;
    }

    /** Applies query and order; call after any change. */
    public void recompute(RowContext ctx, Instant now) {
        List<JobSummary> out = new ArrayList<>(all.size());
        var matches = query.matcher();
        for (JobSummary j : all) {
            if (matches.test(j, ctx)) {
                out.add(j);
            }
        }
        Comparator<JobSummary> c = sortColumn.comparator(ctx, now);
        // a chain is one row, sorted with the jobs, its stages under it
        visible = chains.arrange(out, ascending ? c : c.reversed());
    }

    public List<JobSummary> visible() {
        return visible;
    }

    /** The visible rows that are jobs (a chain's own row is not one). */
    public int visibleJobCount() {
        int n = 0;
        for (JobSummary j : visible) {
            if (!chains.isChainRow(j)) {
                n++;
            }
        }
        return n;
    }

    public int totalCount() {
        return all.size();
    }

    public int indexOf(String jobId) {
        for (int i = 0; i < visible.size(); i++) {
            if (visible.get(i).id().equals(jobId)) {
                return i;
            }
        }
        return -1;
    }
}
