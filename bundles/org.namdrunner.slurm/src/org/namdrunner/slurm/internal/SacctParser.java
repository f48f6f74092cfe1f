package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.scheduler.SchedulerJobState;
import org.namdrunner.core.scheduler.SchedulerJobState.Origin;

/**
 * Reads {@code sacct --parsable2 --noheader --format=}{@value #FORMAT}. Allocation rows are states; step rows
 * ({@code 123.batch}, {@code 123.extern}, {@code 123.0}) are not, but their MaxRSS counts: for a finished job the
 * usage ({@link JobUsage}) is the allocation's CPU time, cores, request and limit with the largest MaxRSS of any of
 * its rows, which is what {@code seff} computes. With {@code -X} there are no step rows and so no MaxRSS. Times are
 * epoch seconds ({@code SLURM_TIME_FORMAT=%s}) or local times of the cluster, read in {@code zone}. The reason comes
 * last and takes the rest of the row. Comment is empty where the cluster does not store comments. Never throws.
 */
public final class SacctParser {

    public static final String FORMAT = "JobID,State,ExitCode,Submit,Start,End,Elapsed,TotalCPU,AllocCPUS,NNodes,ReqMem,MaxRSS,"
            + "Timelimit,AllocTRES,JobName,Comment,WorkDir,Reason";
    private static final int FIELDS = 18;
    private static final int MAX_RSS = 11;
    private static final String COMMAND = "sacct";

    private final ZoneId zone;

    public SacctParser(ZoneId zone) {
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    public ParsedRows parse(String stdout) {
        List<SchedulerJobState> states = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, JobUsage> usage = new LinkedHashMap<>();
        Map<String, Long> stepRss = new LinkedHashMap<>();
        Map<String, Duration> stepCpu = new LinkedHashMap<>();
        int rejected = 0;
        int steps = 0;
        String[] lines = OutputRow.linesOf(stdout);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String firstField = lines[i].split("\\|", 2)[0].strip();
            if (SlurmJobIds.isStepId(firstField)) {
                steps++;
                readStep(new OutputRow(COMMAND, i + 1, lines[i], problems), firstField, stepRss, stepCpu);
                continue;
            }
            OutputRow row = new OutputRow(COMMAND, i + 1, lines[i], problems);
            String[] f = row.text().split("\\|", FIELDS);
            SchedulerJobState state = read(row, f);
            if (state == null) {
                rejected++;
            } else {
                states.add(state);
                if (state.status().isTerminal()) {
                    JobUsage u = usage(row, f, state);
                    if (u != null) {
                        usage.put(state.slurmId(), u);
                    }
                }
            }
        }
        usage.replaceAll((id, u) -> withSteps(u, stepRss.get(id), stepCpu.get(id)));
        return new ParsedRows(states, problems, rejected, steps, usage);
    }

    private SchedulerJobState read(OutputRow row, String[] f) {
        if (f.length < FIELDS) {
            row.reject("expected " + FIELDS + " fields separated by '|', found " + f.length);
            return null;
        }
        String id = f[0].strip();
        if (!SlurmJobIds.isJobId(id)) {
            row.reject("'" + SlurmValues.shortened(id) + "' is not a SLURM job id");
            return null;
        }
        JobStatus status = row.statusOrReject(id, f[1]);
        if (status == null) {
            return null;
        }
        return new SchedulerJobState(id, status, f[1].strip(), SlurmValues.text(f[17]), row.exitCode(f[2]),
                row.instant("submit time", f[3], zone), row.instant("start time", f[4], zone), row.instant("end time", f[5], zone),
                row.duration("elapsed time", f[6]), null, row.count("node count", f[9]), row.count("CPU count", f[8]), null,
                SlurmValues.text(f[16]), SlurmValues.text(f[14]), SlurmValues.text(f[15]), Origin.ACCOUNTING);
    }

    /** The usage on a finished job's allocation row; null when it has no elapsed time (then there is nothing to say). */
    private static JobUsage usage(OutputRow row, String[] f, SchedulerJobState state) {
        Duration elapsed = state.elapsed();
        if (elapsed == null) {
            return null;
        }
        int cpus = state.cpus() == null ? 0 : state.cpus();
        int nodes = state.nodes() == null ? 0 : state.nodes();
        try {
            return new JobUsage(elapsed, UsageValues.cpuTime(f[7]), cpus, nodes, UsageValues.bytes(f[MAX_RSS]),
                    UsageValues.requestedMemory(f[10], cpus, nodes), row.duration("time limit", f[12]), UsageValues.gpus(f[13]));
        } catch (UnreadableValueException e) {
            row.note("usage of job " + state.slurmId() + " not read: " + e.getMessage());
            return null;
        }
    }

    /**
     * The largest MaxRSS of the job's rows, and the larger of the allocation's CPU time and its steps' sum: sacct sums
     * the steps into the allocation row when it lists them, and reports 00:00:00 there with {@code -X}.
     */
    private static JobUsage withSteps(JobUsage u, Long rss, Duration cpu) {
        Long maxRss = rss == null || u.maxRssBytes() != null && u.maxRssBytes() >= rss ? u.maxRssBytes() : rss;
        Duration total = cpu == null || u.totalCpu() != null && u.totalCpu().compareTo(cpu) >= 0 ? u.totalCpu() : cpu;
        return new JobUsage(u.elapsed(), total, u.allocatedCpus(), u.nodes(), maxRss, u.requestedMemoryBytes(), u.timeLimit(), u.gpus());
    }

    /** A step's MaxRSS (the largest of its job's steps is kept) and CPU time (summed). */
    private static void readStep(OutputRow row, String stepId, Map<String, Long> stepRss, Map<String, Duration> stepCpu) {
        String[] f = row.text().split("\\|", FIELDS);
        if (f.length < FIELDS) {
            return;   // a step row of another layout (the allocation row says what matters)
        }
        String jobId = stepId.substring(0, stepId.indexOf('.'));
        try {
            Long rss = UsageValues.bytes(f[MAX_RSS]);
            if (rss != null) {
                stepRss.merge(jobId, rss, Math::max);
            }
            Duration cpu = UsageValues.cpuTime(f[7]);
            if (cpu != null) {
                stepCpu.merge(jobId, cpu, Duration::plus);
            }
        } catch (UnreadableValueException e) {
            row.note("usage of step " + stepId + " " + e.getMessage());
        }
    }
}
