package org.namdrunner.examples.batchscript;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.jobtype.JobType.LogSummary;

/**
 * Reads a batch script job's log. Two conventions, both optional for the script: a line
 * {@code PROGRESS <step>/<total>} reports progress (the last one counts), and a line starting with
 * {@code ERROR:} or {@code FATAL:} names why the job failed (the last one counts). Never throws.
 */
public final class BatchScriptLog {

    private static final Pattern PROGRESS = Pattern.compile("^\\s*PROGRESS\\s+(\\d{1,15})\\s*/\\s*(\\d{1,15})\\s*$");
    private static final Pattern FAILURE = Pattern.compile("^\\s*(?:ERROR|FATAL)\\s*:\\s*(\\S.*)$", Pattern.CASE_INSENSITIVE);
    private static final int MAX_CAUSE = 300;

    private BatchScriptLog() {
    }

    public static LogSummary parse(String logText) {
        if (logText == null || logText.isEmpty()) {
            return LogSummary.empty();
        }
        long step = 0;
        long total = 0;
        String cause = "";
        for (String line : logText.split("\\R")) {
            Matcher p = PROGRESS.matcher(line);
            if (p.matches()) {
                step = Long.parseLong(p.group(1));
                total = Long.parseLong(p.group(2));
                continue;
            }
            Matcher f = FAILURE.matcher(line);
            if (f.matches()) {
                cause = f.group(1).strip();
            }
        }
        if (cause.length() > MAX_CAUSE) {
            cause = cause.substring(0, MAX_CAUSE) + "…";
        }
        return new LogSummary(step, total, 0, "", cause.isEmpty() ? "" : "The script reported: " + cause);
    }
}
