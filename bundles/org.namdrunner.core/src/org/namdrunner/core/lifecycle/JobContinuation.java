package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.ChainableJobType;
import org.namdrunner.core.jobtype.ContinuableJobType;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.store.JobFilter;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.validation.InputRules;

/**
 * Continues a job that ran out of walltime: a new CREATED job, named {@code <name>_contN}, whose inputs are the old
 * job's inputs plus the restart files it wrote, copied on the cluster (nothing passes through this machine), and
 * whose parameters the job type plans from the old job's config and log ({@link ContinuableJobType}). The old job is
 * not changed. On any failure the new job's half-made folder is removed and nothing is stored.
 */
final class JobContinuation {

    private static final long TEXT_LIMIT = 4L * 1024 * 1024;
    private static final Duration QUICK = Duration.ofMinutes(2);
    private static final Duration COPY = Duration.ofMinutes(30);

    private final JobService service;
    private final JobStore store;
    private final Clock clock;

    JobContinuation(JobService service, JobStore store, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
    }

    /** How the new job's plan is made from what the old job left. */
    private interface Planner {
        ContinuableJobType.Continuation plan(Map<String, String> texts, Map<String, Instant> outputFiles);
    }

    Job run(Job old, JobType type, ClusterProfile profile, ClusterConnection c, ContinuationRequest request, IProgressMonitor monitor)
            throws ClusterException, StoreException {
        if (old.status() != JobStatus.TIMEOUT) {
            throw new InvalidInputException("status", "Job " + old.name() + " is " + old.status().label()
                    + "; only a job that ran out of walltime (TIMEOUT) can be continued from its restart files.");
        }
        if (!(type instanceof ContinuableJobType continuable)) {
            throw new InvalidInputException("jobType", "Jobs of type " + type.name() + " cannot be continued from restart files.");
        }
        Map<String, String> oldParams = TypeParameters.read(old.typeParameters());
        ChainLink link = old.chain().isPresent() ? nextStage(old, old.chain().get().label()) : null;
        return make(old, continuable, profile, c, "Continuing job " + old.name(),
                (texts, outputs) -> continuable.planContinuation(old, oldParams, texts, outputs),
                request.name() != null ? InputRules.checkJobName(request.name()) : nextName(old.name(), "_cont"),
                request.resources(), request.parameterOverrides(), link, monitor);
    }

    /** A new stage that runs {@code nanoseconds} more from the final files of a COMPLETED job, in the job's chain. */
    Job extend(Job old, JobType type, ClusterProfile profile, ClusterConnection c, double nanoseconds, Resources resources,
            Map<String, String> overrides, IProgressMonitor monitor) throws ClusterException, StoreException {
        if (old.status() != JobStatus.COMPLETED) {
            throw new InvalidInputException("status", "Job " + old.name() + " is " + old.status().label()
                    + "; only a COMPLETED job can be extended (a TIMEOUT job is continued instead).");
        }
        if (!(type instanceof ChainableJobType chainable)) {
            throw new InvalidInputException("jobType", "Jobs of type " + type.name() + " cannot be extended.");
        }
        if (!(nanoseconds > 0) || nanoseconds > 1_000_000) {
            throw new InvalidInputException("nanoseconds", "Extend by more than 0 and at most 1,000,000 ns, not " + nanoseconds + ".");
        }
        Map<String, String> oldParams = TypeParameters.read(old.typeParameters());
        ChainLink oldLink = old.chain().orElse(null);
        if (oldLink == null) {
            // the job becomes the first stage of a chain, so the extension is shown under it
            oldLink = new ChainLink(old.id(), 1, "production");
            store.update(old.toBuilder().chain(oldLink).updatedAt(clock.instant()).build());
            old = store.find(old.id()).orElseThrow();
        }
        Job first = old;
        return make(old, chainable, profile, c, "Extending job " + old.name(),
                (texts, outputs) -> chainable.planExtension(first, oldParams, texts, outputs, nanoseconds),
                nextName(old.name(), "_ext"), resources, overrides, nextStage(old, oldLink.label()), monitor);
    }

    /** The stage after the chain's last one, with that name. */
    private ChainLink nextStage(Job old, String label) throws StoreException {
        ChainLink link = old.chain().orElseThrow();
        int last = link.stage();
        for (Job j : store.list(JobFilter.all())) {
            if (j.chain().isPresent() && j.chain().get().chainId().equals(link.chainId())) {
                last = Math.max(last, j.chain().get().stage());
            }
        }
        return new ChainLink(link.chainId(), last + 1, label);
    }

    private Job make(Job old, ContinuableJobType continuable, ClusterProfile profile, ClusterConnection c, String task, Planner planner,
            String name, Resources resources, Map<String, String> overrides, ChainLink link, IProgressMonitor monitor)
            throws ClusterException, StoreException {
        SubMonitor sub = SubMonitor.convert(monitor, task, 10);
        JobType type = continuable;
        String oldDir = old.projectDir().orElseThrow(() -> new InvalidInputException("projectDir", "Job " + old.name()
                + " has no folder on the cluster."));
        String oldOutputs = RemotePaths.join(oldDir, JobFolders.OUTPUTS);
        String oldScratch = old.scratchDir().orElse(null);
        // what the job wrote last is in scratch; outputs/ has the copy made when it finished (if scratch is purged)
        if (oldScratch != null && exists(c, "-d", oldScratch, sub.split(1))) {
            RemoteFiles.copyTopLevelFiles(c, oldScratch, oldOutputs, sub.split(1));
        }
        Map<String, Instant> outputFiles = RemoteFiles.listModified(c, oldOutputs, sub.split(1));
        Map<String, String> oldParams = TypeParameters.read(old.typeParameters());
        Map<String, String> texts = new HashMap<>();
        for (String relative : continuable.continuationReads(old, oldParams)) {
            String path = RemotePaths.join(oldDir, InputRules.checkRelativePath(relative));
            if (exists(c, "-f", path, sub.split(0))) {
                texts.put(relative, c.readFile(path, TEXT_LIMIT, sub.split(0)));
            }
        }
        ContinuableJobType.Continuation plan = planner.plan(texts, outputFiles);
        List<String> missing = new ArrayList<>();
        for (String f : plan.restartFiles()) {
            InputRules.checkName("restartFiles", "restart file", f);
            String source = InputRules.checkName("restartFiles", "restart file", plan.sourceOf(f));
            if (!outputFiles.containsKey(source)) {
                missing.add(source);
            }
        }
        if (!missing.isEmpty()) {
            throw new InvalidInputException("restartFiles", "The restart files " + String.join(", ", missing) + " of job " + old.name()
                    + " are not in its outputs folder; it cannot be continued.");
        }

        Map<String, String> params = new LinkedHashMap<>(oldParams);
        params.putAll(plan.parameters());
        params.putAll(overrides);
        type.validate(params);
        List<String> inputs = new ArrayList<>(old.inputFiles());
        for (String f : plan.restartFiles()) {
            String input = JobFolders.INPUTS + "/" + f;
            if (!inputs.contains(input)) {
                inputs.add(input);
            }
        }
        Instant now = clock.instant();
        String id = JobIds.next(now);
        Job job = Job.builder().id(id).name(name).jobTypeId(type.id()).clusterProfileId(profile.id()).createdAt(now)
                .resources(resources != null ? resources : old.resources()).chain(link)
                .typeParameters(new Gson().toJson(params)).projectDir(profile.projectDirFor(id)).scratchDir(profile.scratchDirFor(id))
                .inputFiles(inputs).build();
        Map<String, String> files = service.renderAll(job, params, profile, type);

        String dir = job.projectDir().orElseThrow();
        try {
            for (String folder : List.of(JobFolders.INPUTS, JobFolders.SCRIPTS, JobFolders.OUTPUTS)) {
                c.mkdirs(RemotePaths.join(dir, folder), sub.split(0));
            }
            String newInputs = RemotePaths.join(dir, JobFolders.INPUTS);
            RemoteFiles.copyContents(c, RemotePaths.join(oldDir, JobFolders.INPUTS), newInputs, sub.split(2));
            List<String> copies = new ArrayList<>();
            for (String f : plan.restartFiles()) {
                copies.add(ShellQuoting.command("cp", "-p", "--", RemotePaths.join(oldOutputs, plan.sourceOf(f)), RemotePaths.join(newInputs, f)));
            }
            RemoteFiles.check(c.exec(String.join(" && ", copies), COPY, sub.split(2)), "copy the restart files of " + old.name());
            for (Map.Entry<String, String> f : files.entrySet()) {
                c.writeFile(RemotePaths.join(dir, f.getKey()), f.getValue(), sub.split(0));
            }
            c.writeFile(RemotePaths.join(dir, JobFolders.JOB_INFO), JobInfoJson.write(job), sub.split(1));
        } catch (ClusterException | RuntimeException e) {
            RemoteFiles.removeQuietly(c, dir);
            throw e;
        }
        try {
            store.create(job);
        } catch (StoreException | RuntimeException e) {
            RemoteFiles.removeQuietly(c, dir);
            throw e;
        }
        return job;
    }

    /** {@code run} → {@code run_cont1}; {@code run_cont1} → {@code run_cont2}, skipping names already used. */
    String nextName(String oldName) throws StoreException {
        return nextName(oldName, "_cont");
    }

    /** The same with another suffix ({@code _ext} for extensions). */
    String nextName(String oldName, String suffixWord) throws StoreException {
        Matcher m = Pattern.compile("^(.*)" + suffixWord + "(\\d{1,6})$").matcher(oldName);
        String base = m.matches() ? m.group(1) : oldName;
        int next = m.matches() ? Integer.parseInt(m.group(2)) + 1 : 1;
        Set<String> taken = new LinkedHashSet<>();
        for (Job j : store.list(JobFilter.all())) {
            taken.add(j.name());
        }
        while (true) {
            String suffix = suffixWord + next;
            String trimmed = base.length() + suffix.length() > InputRules.MAX_NAME_LENGTH
                    ? base.substring(0, InputRules.MAX_NAME_LENGTH - suffix.length()) : base;
            String name = trimmed + suffix;
            if (!taken.contains(name)) {
                return InputRules.checkJobName(name);
            }
            next++;
        }
    }

    private static boolean exists(ClusterConnection c, String test, String path, IProgressMonitor monitor) throws ClusterException {
        return c.exec(ShellQuoting.command("test", test, path), QUICK, monitor).exitCode() == 0;
    }
}
