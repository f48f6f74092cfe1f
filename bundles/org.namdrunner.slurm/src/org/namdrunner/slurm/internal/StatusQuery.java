package org.namdrunner.slurm.internal;

import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.cluster.LoginShell;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.scheduler.QueryResult;
import org.namdrunner.core.scheduler.SchedulerJobState;

/**
 * The batched status query: ONE squeue for every id, then ONE sacct (with step rows) for exactly the ids squeue did
 * not return and those it returned as finished, whatever the number of jobs: the finished jobs' usage (CPU time,
 * MaxRSS, request, limit) comes from the same sacct. An id neither knows is reported missing, never guessed finished.
 * <p>
 * SLURM 22.05 fails the whole squeue ("Invalid job id specified", exit 1) when it is asked about a single id
 * the controller has forgotten; then every id is asked of sacct, which also reports live jobs. A controller
 * that does not answer ends the query with a TRANSIENT {@link ClusterException} so the poller backs off.
 */
public final class StatusQuery {

    static final Duration TIMEOUT = Duration.ofMinutes(2);
    private static final String STALE_ID = "Invalid job id specified";

    private final ClusterConnection connection;
    private final SlurmCommands commands;
    private final SacctParser sacctParser;
    private final ZoneId clusterZone;

    public StatusQuery(ClusterConnection connection, ZoneId clusterZone) {
        this.connection = connection;
        this.commands = new SlurmCommands(connection.profile());
        this.sacctParser = new SacctParser(clusterZone);
        this.clusterZone = clusterZone;
    }

    public QueryResult run(Collection<String> slurmIds, IProgressMonitor monitor) throws ClusterException {
        return run(slurmIds, Map.of(), monitor);
    }

    /**
     * The query, with the jobs' folders where known: the records the jobs wrote there when they ended are read in the
     * sacct command, for the ids squeue does not list, and stand in for sacct where it cannot answer.
     */
    public QueryResult run(Collection<String> slurmIds, Map<String, String> folders, IProgressMonitor monitor) throws ClusterException {
        List<String> problems = new ArrayList<>();
        Set<String> missing = new LinkedHashSet<>();
        Set<String> asked = new LinkedHashSet<>();
        for (String id : slurmIds) {
            if (SlurmJobIds.isJobId(id)) {
                asked.add(id);
            } else {
                problems.add("'" + SlurmValues.shortened(String.valueOf(id)) + "' is not a SLURM job id; it was not asked about.");
                if (id != null) {
                    missing.add(id);
                }
            }
        }
        if (asked.isEmpty()) {
            return new QueryResult(Map.of(), missing, problems, 0);
        }
        Map<String, SchedulerJobState> states = new LinkedHashMap<>();
        int commandCount = 0;

        checkCancelled(monitor);
        ExecResult queue = connection.execWithPrefix(commands.squeueCommand(asked), TIMEOUT, monitor);
        commandCount++;
        readQueue(queue, asked, states, problems);

        Set<String> notInQueue = new LinkedHashSet<>(asked);
        notInQueue.removeAll(states.keySet());
        // a job that ended stays in squeue for a while (MinJobAge) without its exit code or usage: sacct, asked in the
        // same command as the jobs gone from the queue, gives both, and its row replaces squeue's
        Map<String, SchedulerJobState> endedInQueue = new LinkedHashMap<>();
        states.values().stream().filter(st -> st.status().isTerminal()).forEach(st -> endedInQueue.put(st.slurmId(), st));
        Map<String, JobUsage> usage = new LinkedHashMap<>();
        if (!notInQueue.isEmpty() || !endedInQueue.isEmpty()) {
            Set<String> accountingIds = new LinkedHashSet<>(notInQueue);
            accountingIds.addAll(endedInQueue.keySet());
            checkCancelled(monitor);
            Map<String, String> recordFolders = new LinkedHashMap<>();
            notInQueue.stream().filter(folders::containsKey).forEach(id -> recordFolders.put(id, folders.get(id)));
            ExecResult accounting = LoginShell.commandOutput(connection.exec(
                    commands.sacctWithRecords(accountingIds, recordFolders.values()), TIMEOUT, monitor));
            commandCount++;
            String out = accounting.stdout();
            int marker = recordFolders.isEmpty() ? -1 : out.lastIndexOf(SlurmCommands.RECORDS_MARKER);
            String records = marker < 0 ? "" : out.substring(marker + SlurmCommands.RECORDS_MARKER.length());
            if (marker >= 0) {
                accounting = new ExecResult(accounting.command(), accounting.exitCode(), out.substring(0, marker), accounting.stderr());
            }
            readAccounting(accounting, notInQueue, endedInQueue.keySet(), states, usage, problems);
            setStandInsAside(states, endedInQueue);
            // accounting a moment behind the controller (not ended yet there, or no row) does not undo what squeue saw
            endedInQueue.forEach((id, queued) -> {
                if (!states.get(id).status().isTerminal()) {
                    states.put(id, queued);
                }
            });
            readRecords(records, recordFolders, states);
        }
        asked.stream().filter(id -> !states.containsKey(id)).forEach(missing::add);
        return new QueryResult(states, missing, problems, commandCount, usage);
    }

    /** The job name of slurmdbd's stand-in record (see {@link #setStandInsAside}). */
    static final String STAND_IN_NAME = "allocation";

    private void readQueue(ExecResult result, Set<String> asked, Map<String, SchedulerJobState> states,
            List<String> problems) throws ClusterException {
        if (result.succeeded()) {
            take("squeue", SqueueParser.parse(result.stdout(), clusterZone), asked, states, problems);
            noteStderr("squeue", result, problems);
        } else if (SlurmFailures.isUnreachable(result)) {
            throw SlurmFailures.unreachable("squeue", result, connection.profile());
        } else if (SlurmFailures.isCommandMissing(result)) {
            throw SlurmFailures.commandMissing("squeue", result, connection.profile());
        } else if (!result.stderr().contains(STALE_ID)) {
            problems.add("squeue failed (exit code " + result.exitCode() + "): '" + shortText(result)
                    + "'; every job was asked of sacct instead.");
        }
    }

    /**
     * sacct's answer: the state, exit code and usage of the ids squeue did not list ({@code asked}) and of those it
     * listed as ended ({@code endedInQueue}); usage for every finished one.
     */
    private void readAccounting(ExecResult result, Set<String> asked, Set<String> endedInQueue, Map<String, SchedulerJobState> states,
            Map<String, JobUsage> usage, List<String> problems) throws ClusterException {
        if (result.succeeded()) {
            Set<String> all = new LinkedHashSet<>(asked);
            all.addAll(endedInQueue);
            ParsedRows rows = sacctParser.parse(result.stdout());
            take("sacct", rows, all, states, problems);
            rows.usage().forEach((id, u) -> {
                SchedulerJobState s = states.get(id);
                if (s != null && s.status().isTerminal()) {
                    usage.put(id, u);
                }
            });
            noteStderr("sacct", result, problems);
        } else if (asked.isEmpty()) {
            problems.add("sacct could not report the usage of finished jobs " + listed(endedInQueue) + " ('" + shortText(result)
                    + "'); their status is squeue's and their usage is not shown.");
        } else if (SlurmFailures.isUnreachable(result)) {
            // squeue answered, so the controller is fine: only accounting (slurmdbd) is away. What squeue said is kept.
            problems.add("SLURM's accounting could not be reached (sacct: '" + shortText(result) + "'); jobs " + listed(asked)
                    + " are no longer in the queue and keep their last status until accounting or their own record says how they ended.");
        } else {
            problems.add("sacct failed (exit code " + result.exitCode() + "): '" + shortText(result) + "'; jobs "
                    + listed(asked) + " keep their last status and are asked again at the next sync.");
        }
    }

    /**
     * slurmdbd writes a stand-in record named "allocation" when a job's step reaches it before the job's own start
     * message (seen on the twin in the seconds after a job ended); its comment and folder may be there, its name is not
     * the job's. An ended job squeue still lists keeps squeue's name, comment and folder with sacct's exit code and
     * times; otherwise the name is not held against the job (its comment and folder still are), and a stand-in with no
     * comment at all says nothing about whose job it is, so the job is left for the next sync.
     */
    private static void setStandInsAside(Map<String, SchedulerJobState> states, Map<String, SchedulerJobState> endedInQueue) {
        for (String id : List.copyOf(states.keySet())) {
            SchedulerJobState s = states.get(id);
            if (s.origin() != SchedulerJobState.Origin.ACCOUNTING || !STAND_IN_NAME.equals(s.jobName())) {
                continue;
            }
            SchedulerJobState q = endedInQueue.get(id);
            if (q == null && s.comment() == null) {
                states.remove(id);
            } else {
                states.put(id, new SchedulerJobState(s.slurmId(), s.status(), s.rawState(), s.reason(), s.exitCode(), s.submitted(),
                        s.start(), s.end(), s.elapsed(), s.timeLeft(), s.nodes(), s.cpus(), s.nodeList(),
                        q == null ? s.workDir() : q.workDir(), q == null ? null : q.jobName(), q == null ? s.comment() : q.comment(),
                        s.origin()));
            }
        }
    }

    /** The jobs' own records, for the ids accounting did not report (none, lagging, or down). */
    private static void readRecords(String records, Map<String, String> folders, Map<String, SchedulerJobState> states) {
        for (Map.Entry<String, String> e : folders.entrySet()) {
            if (states.containsKey(e.getKey())) {
                continue;
            }
            String prefix = RemotePaths.join(e.getValue(), JobRecord.FILE) + ":";
            records.lines().filter(l -> l.startsWith(prefix))
                    .map(l -> JobRecord.read(e.getKey(), l.substring(prefix.length()), folders))
                    .flatMap(java.util.Optional::stream).reduce((a, b) -> b)
                    .ifPresent(s -> states.put(e.getKey(), s));
        }
    }

    private static void take(String command, ParsedRows rows, Collection<String> asked,
            Map<String, SchedulerJobState> states, List<String> problems) {
        problems.addAll(rows.problems());
        for (SchedulerJobState s : rows.states()) {
            if (asked.contains(s.slurmId())) {
                states.put(s.slurmId(), s);
            } else {
                problems.add(command + " reported job " + s.slurmId() + ", which was not asked about; it was ignored.");
            }
        }
    }

    private static void noteStderr(String command, ExecResult result, List<String> problems) {
        if (!result.stderr().isBlank()) {
            problems.add(command + " also printed: '" + shortText(result) + "'.");
        }
    }

    private static String listed(Collection<String> ids) {
        int shown = 10;
        String head = String.join(", ", ids.stream().limit(shown).toList());
        return ids.size() <= shown ? head : head + " and " + (ids.size() - shown) + " more";
    }

    private static String shortText(ExecResult result) {
        return SlurmValues.shortened(SlurmFailures.slurmText(result));
    }

    private static void checkCancelled(IProgressMonitor monitor) throws ClusterException {
        if (monitor != null && monitor.isCanceled()) {
            throw ClusterException.cancelled();
        }
    }
}
