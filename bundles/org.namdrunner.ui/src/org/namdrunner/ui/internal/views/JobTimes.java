package org.namdrunner.ui.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobSummary;

/** The times a person reads in the Jobs view and the job editor, in local time. */
public final class JobTimes {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private JobTimes() {
    }

    /** "14:03" today, "2026-11-28 14:03" on other days. */
    public static String shortTime(Instant at) {
        if (at == null) {
            return "";
        }
        ZoneId zone = ZoneId.systemDefault();
        boolean today = LocalDate.ofInstant(at, zone).equals(LocalDate.now(zone));
        return (today ? TIME : DAY_TIME).format(at.atZone(zone));
    }

    public static String fullTime(Instant at) {
        return at == null ? "" : FULL.format(at.atZone(ZoneId.systemDefault()));
    }

    /** "2 h 05 min", "12 min", "40 s", "3 d 4 h". */
    public static String duration(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s < 60) {
            return s + " s";
        }
        long m = s / 60;
        if (m < 60) {
            return m + " min";
        }
        long h = m / 60;
        if (h < 48) {
            return h + " h " + String.format("%02d", m % 60) + " min";
        }
        return (h / 24) + " d" + (h % 24 == 0 ? "" : " " + (h % 24) + " h");
    }

    /** How long the job ran (or has been running). */
    public static Duration elapsed(Job job, Instant now) {
        return elapsed(JobSummary.of(job), now);
    }

    /** How long the job ran (or has been running), or null before it started. */
    public static Duration elapsed(JobSummary job, Instant now) {
        Instant start = job.startedAt();
        if (start == null) {
            return null;
        }
        Instant end = job.status().isTerminal() && job.completedAt() != null ? job.completedAt() : now;
        return Duration.between(start, end);
    }

    /**
     * The "Elapsed / left" cell: "1 h 10 min / 2 h 50 min left" while running, "waiting 12 min" while pending,
     * the run time once finished.
     */
    public static String elapsedCell(JobSummary job, Instant now) {
        Duration elapsed = elapsed(job, now);
        if (job.status() == JobStatus.PENDING && elapsed == null) {
            return job.submittedAt() == null ? "" : "waiting " + duration(Duration.between(job.submittedAt(), now));
        }
        if (elapsed == null) {
            return "";
        }
        if (job.status().isTerminal()) {
            return duration(elapsed);
        }
        Duration left = job.walltime().minus(elapsed);
        return duration(elapsed) + " / " + (left.isNegative() ? "over time" : duration(left) + " left");
    }

    /** Seconds for sorting the "Elapsed / left" column; -1 when not started. */
    static long elapsedSeconds(JobSummary job, Instant now) {
        Duration e = elapsed(job, now);
        return e == null ? -1 : e.toSeconds();
    }
}
