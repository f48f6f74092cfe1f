package org.namdrunner.ui.internal.views;

import java.time.Instant;
import java.util.Comparator;
import java.util.Locale;

import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobSummary;

/** The columns of the Jobs table: title, width, cell text and sort order. */
public enum JobColumn {
    NAME("Name", 190),
    TYPE("Type", 60),
    STATUS("Status", 185),
    SLURM_ID("SLURM ID", 80),
    CLUSTER("Cluster", 175),
    SUBMITTED("Submitted", 125),
    ELAPSED("Elapsed / left", 190),
    PROGRESS("Progress", 150);

    static final String STALE_SUFFIX = " (not refreshed)";

    private final String title;
    private final int width;

    JobColumn(String title, int width) {
        this.title = title;
        this.width = width;
    }

    public String title() {
        return title;
    }

    int width() {
        return width;
    }

    public String text(JobSummary job, RowContext ctx, Instant now) {
        return switch (this) {
            case NAME -> job.name();
            case TYPE -> ctx.typeName(job.jobTypeId());
            case STATUS -> job.status().label() + (showsStale(job, ctx) ? STALE_SUFFIX : "");
            case SLURM_ID -> job.slurmId() == null ? "" : job.slurmId();
            case CLUSTER -> ctx.clusterName(job.clusterProfileId());
            case SUBMITTED -> JobTimes.shortTime(job.submittedAt());
            case ELAPSED -> JobTimes.elapsedCell(job, now);
            case PROGRESS -> progressText(job, ctx);
        };
    }

    /** An active job whose cluster could not be asked at the last sync: its status may be old. */
    static boolean showsStale(JobSummary job, RowContext ctx) {
        return job.status().isActive() && ctx.isStale(job.clusterProfileId());
    }

    static String progressText(JobSummary job, RowContext ctx) {
        return progressText(job.status(), ctx.progress(job.id()).orElse(null));
    }

    public static String progressText(Job job, LogSummary s) {
        return progressText(job.status(), s);
    }

    /** "42 % · ETA 1 h 10 min" for a running job whose log was read, "100 %" once completed, else empty. */
    public static String progressText(JobStatus status, LogSummary s) {
        if (status == JobStatus.COMPLETED) {
            return "100 %";
        }
        if (status != JobStatus.RUNNING && status != JobStatus.SUSPENDED) {
            return "";
        }
        if (s == null || s.fraction() < 0) {
            return "";
        }
        String pct = String.format(Locale.ROOT, "%d %%", Math.round(s.fraction() * 100));
        String eta = "0 min".equals(s.etaText()) ? "< 1 min" : s.etaText();
        return eta.isEmpty() ? pct : pct + " · ETA " + eta;
    }

    Comparator<JobSummary> comparator(RowContext ctx, Instant now) {
        Comparator<JobSummary> byCreated = Comparator.comparing(JobSummary::createdAt);
        Comparator<JobSummary> c = switch (this) {
            case NAME -> Comparator.comparing(JobSummary::name, String.CASE_INSENSITIVE_ORDER);
            case TYPE -> Comparator.comparing(j -> ctx.typeName(j.jobTypeId()));
            case STATUS -> Comparator.comparing(j -> j.status().label());
            case SLURM_ID -> Comparator.comparingLong(j -> j.slurmId() == null ? -1L : numericPrefix(j.slurmId()));
            case CLUSTER -> Comparator.comparing(j -> ctx.clusterName(j.clusterProfileId()));
            case SUBMITTED -> Comparator.comparing(j -> j.submittedAt() == null ? j.createdAt() : j.submittedAt());
            case ELAPSED -> Comparator.comparingLong(j -> JobTimes.elapsedSeconds(j, now));
            case PROGRESS -> Comparator.comparingDouble(j -> progressValue(j, ctx));
        };
        return c.thenComparing(byCreated);
    }

    private static double progressValue(JobSummary j, RowContext ctx) {
        if (j.status() == JobStatus.COMPLETED) {
            return 1;
        }
        return ctx.progress(j.id()).map(LogSummary::fraction).orElse(-1.0);
    }

    private static long numericPrefix(String slurmId) {
        int us = slurmId.indexOf('_');
        try {
            return Long.parseLong(us < 0 ? slurmId : slurmId.substring(0, us));
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
