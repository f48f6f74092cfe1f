package org.namdrunner.ui.internal.views;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.validation.InputRules;

/**
 * Chains of stages and sets of replicas in the Jobs table, drawn as a tree in its flat virtual table: one row for the
 * chain (its name, the status of its current stage, "stage k of n" and that stage's progress) or the set (its name, the
 * status that counts for the set, how many replicas run and are done), and its jobs right under it, indented, in order.
 * The group row is a made-up {@link JobSummary} whose id ({@code <chain id>-chain}, {@code <set id>-replicas}) names no
 * job, so commands on it find no job and stay disabled; they act on the job rows. A replica that was extended is the
 * first stage of a chain, and shown in that chain. A group's row folds and unfolds (double-click or Enter on it).
 */
final class ChainRows {

    static final String SUFFIX = "-chain";
    static final String REPLICAS_SUFFIX = "-replicas";
    static final String STAGE_INDENT = "    \u2514 ";

    /** A chain or a replica set: its row, all its jobs in order, and which one counts for the row's status. */
    record Info(JobSummary row, List<JobSummary> stages, int current, boolean replicas) {
        JobSummary currentStage() {
            return stages.get(current);
        }
    }

    private final Map<String, Info> byRowId = new HashMap<>();
    private final Map<String, Info> byGroup = new HashMap<>();
    private final java.util.Set<String> collapsed = new java.util.HashSet<>();

    /** Folds or unfolds a chain's or set's row (its jobs hidden or shown under it); false for a job's row. */
    boolean toggle(JobSummary row) {
        if (!byRowId.containsKey(row.id())) {
            return false;
        }
        if (!collapsed.remove(row.id())) {
            collapsed.add(row.id());
        }
        return true;
    }

    /** The group a job is shown in: its chain's row id, else its replica set's, else null. */
    static String groupRowId(JobSummary j) {
        if (j.chain() != null) {
            return j.chain().chainId() + SUFFIX;
        }
        return j.replica() != null ? j.replica().setId() + REPLICAS_SUFFIX : null;
    }

    private static int order(JobSummary j) {
        return j.chain() != null ? j.chain().stage() : j.replica().index();
    }

    void setJobs(List<JobSummary> all) {
        byRowId.clear();
        byGroup.clear();
        Map<String, List<JobSummary>> groups = new LinkedHashMap<>();
        for (JobSummary j : all) {
            String group = groupRowId(j);
            if (group != null) {
                groups.computeIfAbsent(group, k -> new ArrayList<>()).add(j);
            }
        }
        for (Map.Entry<String, List<JobSummary>> e : groups.entrySet()) {
            List<JobSummary> list = e.getValue();
            list.sort(Comparator.comparingInt(ChainRows::order));
            boolean replicas = e.getKey().endsWith(REPLICAS_SUFFIX);
            int current = replicas ? ReplicaSetRow.counting(list) : current(list);
            JobSummary row = replicas ? ReplicaSetRow.row(e.getKey(), list, current) : row(e.getKey(), list, current);
            Info info = new Info(row, List.copyOf(list), current, replicas);
            byRowId.put(info.row().id(), info);
            byGroup.put(e.getKey(), info);
        }
    }

    /** The first stage not yet COMPLETED, passing over a TIMEOUT stage that a later stage continued; else the last. */
    private static int current(List<JobSummary> stages) {
        for (int i = 0; i < stages.size(); i++) {
            JobStatus s = stages.get(i).status();
            boolean continued = s == JobStatus.TIMEOUT && i < stages.size() - 1;
            if (s != JobStatus.COMPLETED && !continued) {
                return i;
            }
        }
        return stages.size() - 1;
    }

    private static JobSummary row(String rowId, List<JobSummary> stages, int current) {
        JobSummary first = stages.get(0);
        JobSummary now = stages.get(current);
        JobSummary last = stages.get(stages.size() - 1);
        String suffix = "_" + first.chain().label();
        String name = first.name().endsWith(suffix) && first.name().length() > suffix.length()
                ? first.name().substring(0, first.name().length() - suffix.length()) : first.name() + "_chain";
        Duration walltime = Duration.ZERO;
        for (JobSummary s : stages) {
            walltime = walltime.plus(s.walltime());
        }
        boolean ended = now.status().isTerminal() && (now == last || now.status() != JobStatus.COMPLETED);
        Instant submitted = first.submittedAt();
        return new JobSummary(rowId, InputRules.checkJobName(name), first.jobTypeId(), first.clusterProfileId(), now.status(),
                now.slurmId(), now.slurmState(), now.slurmReason(), first.createdAt(), submitted, first.startedAt(),
                ended ? now.completedAt() : null, null, walltime, now.errorMessage(), null, null);
    }

    boolean isChainRow(JobSummary j) {
        return byRowId.containsKey(j.id());
    }

    Info info(JobSummary chainRow) {
        return byRowId.get(chainRow.id());
    }

    /**
     * The rows in order: lone jobs and chain rows sorted by {@code order}; under each chain row the stages that matched
     * the query, in stage order. A chain is shown when any of its stages matched.
     */
    List<JobSummary> arrange(List<JobSummary> matched, Comparator<JobSummary> order) {
        List<JobSummary> top = new ArrayList<>();
        Map<String, List<JobSummary>> matchedStages = new LinkedHashMap<>();
        for (JobSummary j : matched) {
            String group = groupRowId(j);
            if (group != null && byGroup.containsKey(group)) {
                matchedStages.computeIfAbsent(group, k -> new ArrayList<>()).add(j);
            } else {
                top.add(j);
            }
        }
        if (matchedStages.isEmpty()) {
            top.sort(order);
            return top;
        }
        for (String group : matchedStages.keySet()) {
            top.add(byGroup.get(group).row());
        }
        top.sort(order);
        List<JobSummary> out = new ArrayList<>(matched.size() + matchedStages.size());
        for (JobSummary t : top) {
            out.add(t);
            Info info = byRowId.get(t.id());
            if (info != null && !collapsed.contains(t.id())) {
                List<JobSummary> stages = matchedStages.get(t.id());
                stages.sort(Comparator.comparingInt(ChainRows::order));
                out.addAll(stages);
            }
        }
        return out;
    }

    /** The cell text, where a chain row or a stage row differs from a job's. */
    String text(JobColumn column, JobSummary j, RowContext ctx, Instant now) {
        Info info = byRowId.get(j.id());
        if (info != null && info.replicas()) {
            return switch (column) {
                case NAME -> fold(j) + j.name() + " (" + info.stages().size() + " replicas)";
                case PROGRESS -> ReplicaSetRow.progress(info.stages());
                default -> column.text(j, ctx, now);
            };
        }
        if (info != null) {
            return switch (column) {
                case NAME -> fold(j) + j.name() + " (" + info.stages().size() + " stages)";
                case PROGRESS -> chainProgress(info, ctx);
                default -> column.text(j, ctx, now);
            };
        }
        if (column == JobColumn.NAME && j.chain() != null && byGroup.containsKey(groupRowId(j))) {
            // the chain's name is on the row above: the stage's own name is enough
            return STAGE_INDENT + j.chain().stage() + ". " + j.chain().label();
        }
        if (column == JobColumn.NAME && j.chain() == null && j.replica() != null && byGroup.containsKey(groupRowId(j))) {
            return STAGE_INDENT + "replica " + j.replica().index();
        }
        return column.text(j, ctx, now);
    }

    private String fold(JobSummary row) {
        return collapsed.contains(row.id()) ? "\u25B8 " : "\u25BE ";
    }

    /** "stage 2 of 3 · 42 % · ETA 5 min" while it runs, "3 of 3 stages done" at the end. */
    static String chainProgress(Info info, RowContext ctx) {
        JobSummary cur = info.currentStage();
        int n = info.stages().size();
        if (cur.status() == JobStatus.COMPLETED && info.current() == n - 1) {
            return n + " of " + n + " stages done";
        }
        LogSummary s = ctx.progress(cur.id()).orElse(null);
        String own = JobColumn.progressText(cur.status(), s);
        return "stage " + (info.current() + 1) + " of " + n + " " + cur.chain().label() + (own.isEmpty() ? "" : " \u00B7 " + own);
    }

    /** SLURM's dependency reasons in words; any other reason as SLURM wrote it. */
    static String reasonWords(String reason) {
        return switch (reason) {
            case "Dependency" -> "waiting for the stage before it";
            case "DependencyNeverSatisfied" -> "the stage before it did not succeed, so this one cannot run";
            default -> reason;
        };
    }
}
