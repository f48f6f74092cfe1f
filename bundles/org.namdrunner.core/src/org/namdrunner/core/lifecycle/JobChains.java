package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import com.google.gson.Gson;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.ChainableJobType;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.Resources;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * Chains of stages (docs/lifecycle.md, "Chains"): minimization → equilibration → production as one chain, created at
 * once and submitted at once with SLURM dependencies ({@code afterok}); each stage's batch script first copies the files
 * the stage before it left in that stage's scratch folder (nothing passes through this machine). A COMPLETED stage can
 * be extended by more nanoseconds; a last stage that ran out of walltime with {@value #AUTO_CONTINUE} set is continued
 * by the sync ({@link ChainFollowUp}).
 */
public final class JobChains {

    /** Parameter: "yes" makes the sync continue this stage (and its continuations) whenever it ends TIMEOUT. */
    public static final String AUTO_CONTINUE = "autoContinue";

    private final JobService service;
    private final JobStore store;
    private final Clock clock;
    private final ChainFollowUp followUp;

    JobChains(JobService service, JobStore store, Scheduler scheduler, Clock clock) {
        this.service = service;
        this.store = store;
        this.clock = clock;
        this.followUp = new ChainFollowUp(service, store, scheduler, clock);
    }

    /**
     * Creates every stage of the chain as a CREATED job: the inputs are uploaded once into the first stage's folder;
     * every other stage gets a copy of them made on the cluster, and a batch script that starts by copying the previous
     * stage's files ({@link ChainableJobType#stageOutputs}) from that stage's scratch folder. On any failure every folder
     * made is removed and nothing is stored.
     *
     * @return the stages in order
     */
    public List<Job> create(ChainRequest request, IProgressMonitor monitor) throws ClusterException, StoreException {
        SubMonitor sub = SubMonitor.convert(monitor, "Creating chain " + request.name(), request.stages().size() * 10);
        ClusterProfile profile = service.profile(request.profileId());
        JobType type = service.jobType(request.jobTypeId());
        if (!(type instanceof ChainableJobType chainable)) {
            throw new InvalidInputException("jobType", "Jobs of type " + type.name() + " cannot run as a chain of stages.");
        }
        for (int i = 0; i < request.stages().size(); i++) {
            request.stageName(i);
        }
        String chainId = JobIds.next(clock.instant());
        ChainStage first = request.stages().get(0);
        Job firstJob = service.create(new JobRequest(request.stageName(0), type.id(), profile.id(), resources(request, first),
                merged(request.parameters(), first.parameters()), request.inputs()), chainId,
                new ChainLink(chainId, 1, first.label()), sub.split(10));
        List<Job> made = new ArrayList<>(List.of(firstJob));
        ClusterConnection c = service.connection(profile);
        try {
            Map<String, String> inputNames = new LinkedHashMap<>();
            request.inputs().forEach((key, path) -> inputNames.put(key, path.getFileName().toString()));
            Job previous = firstJob;
            for (int i = 1; i < request.stages().size(); i++) {
                ChainStage stage = request.stages().get(i);
                Map<String, String> params = merged(request.parameters(), stage.parameters());
                params.putAll(inputNames);
                params.putAll(chainable.stageStart(previous, TypeParameters.read(previous.typeParameters()), params));
                type.validate(params);
                String id = JobIds.next(clock.instant());
                Job job = Job.builder().id(id).name(request.stageName(i)).jobTypeId(type.id()).clusterProfileId(profile.id())
                        .createdAt(clock.instant()).resources(resources(request, stage)).typeParameters(new Gson().toJson(params))
                        .projectDir(profile.projectDirFor(id)).scratchDir(profile.scratchDirFor(id)).inputFiles(firstJob.inputFiles())
                        .chain(new ChainLink(chainId, i + 1, stage.label())).build();
                String prelude = handOff(previous, chainable.stageOutputs(previous, TypeParameters.read(previous.typeParameters())),
                        job.chain().get());
                Map<String, String> files = service.renderAll(job, params, profile, type, prelude);
                made.add(job);
                SiblingJobs.makeFolder(c, firstJob, job, files, sub);
                store.create(job);
                previous = job;
            }
        } catch (ClusterException | StoreException | RuntimeException e) {
            SiblingJobs.undo(store, c, made);
            throw e;
        }
        return List.copyOf(made);
    }

    /**
     * Submits every stage not yet submitted, in order, each waiting for the one before it ({@code afterok}); a stage
     * whose previous stage has COMPLETED already is submitted without a dependency. Stops (throwing) at the first stage
     * that cannot be submitted: the later ones stay CREATED and a second call goes on from there (a stage left
     * SUBMITTING by a lost sbatch answer is looked for by its tag first, as for any job).
     *
     * @return the stages in order, as they are now
     */
    public List<Job> submit(String chainId, IProgressMonitor monitor) throws ClusterException, StoreException {
        List<Job> stages = stages(chainId);
        if (stages.isEmpty()) {
            throw new InvalidInputException("chainId", "There is no chain " + chainId + ".");
        }
        SubMonitor sub = SubMonitor.convert(monitor, "Submitting chain", stages.size());
        List<Job> out = new ArrayList<>();
        Job previous = null;
        for (Job stage : stages) {
            boolean notYet = stage.status() == JobStatus.CREATED || (stage.status() == JobStatus.SUBMITTING && stage.slurmId().isEmpty());
            if (notYet) {
                String afterOk = null;
                if (previous != null && previous.status() != JobStatus.COMPLETED) {
                    if (previous.status().isTerminal()) {
                        throw new InvalidInputException("chain", describe(previous) + " ended " + previous.status().label() + ", so "
                                + describe(stage) + " and the stages after it were not submitted.");
                    }
                    if (previous.slurmId().isEmpty()) {
                        throw new InvalidInputException("chain", describe(stage) + " waits for " + describe(previous)
                                + ", which is not submitted yet; submit the chain again.");
                    }
                    afterOk = previous.slurmId().get();
                }
                stage = service.submit(stage.id(), afterOk, sub.split(1));
            }
            out.add(stage);
            previous = stage;
        }
        return out;
    }

    /**
     * A new stage of the job's chain (the job becomes a chain's first stage if it is in none) that runs
     * {@code nanoseconds} more from the final files of the COMPLETED job, copied on the cluster. CREATED; submit it like
     * any job. {@code continueOnTimeout}: when that stage (or a continuation of it) ends TIMEOUT, the sync continues it
     * from its restart files until the steps are done ("continue until").
     */
    public Job extend(String jobId, double nanoseconds, boolean continueOnTimeout, Resources resources, IProgressMonitor monitor)
            throws ClusterException, StoreException {
        Job old = store.find(jobId).orElseThrow(() -> new InvalidInputException("id", "There is no job " + jobId + "."));
        ClusterProfile profile = service.profile(old.clusterProfileId());
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put(AUTO_CONTINUE, continueOnTimeout ? "yes" : "no");
        return new JobContinuation(service, store, clock).extend(old, service.jobType(old.jobTypeId()), profile,
                service.connection(profile), nanoseconds, resources, overrides, monitor);
    }

    /** The stages of a chain in order (stage number), as stored. */
    public List<Job> stages(String chainId) throws StoreException {
        Objects.requireNonNull(chainId, "chainId");
        return store.chainStages(chainId);
    }

    void afterSync(String profileId, ClusterConnection c, SyncReport report, IProgressMonitor monitor) throws StoreException {
        followUp.run(profileId, c, report, monitor);
    }

    static String describe(Job stage) {
        return stage.chain().map(ChainLink::describe).orElse("job " + stage.name());
    }

    private static Resources resources(ChainRequest request, ChainStage stage) {
        return stage.resources() != null ? stage.resources() : request.resources();
    }

    private static Map<String, String> merged(Map<String, String> shared, Map<String, String> own) {
        Map<String, String> m = new LinkedHashMap<>(shared);
        m.putAll(own);
        return m;
    }

    /** Shell lines that copy the previous stage's files from its scratch folder into this stage's input_files/. */
    static String handOff(Job previous, List<String> files, ChainLink link) {
        String from = previous.scratchDir().orElseThrow();
        List<String> args = new ArrayList<>(List.of("-p", "--"));
        for (String f : files) {
            args.add(RemotePaths.join(from, org.namdrunner.core.validation.InputRules.checkName("stageOutputs", "stage file", f)));
        }
        args.add(JobFolders.INPUTS + "/");
        String why = "NAMDRunner: " + link.describe() + " cannot start: the files " + String.join(", ", files) + " of "
                + describe(previous) + " are not in " + from;
        return "# NAMDRunner: " + link.describe() + " starts from the files " + describe(previous) + " left in its folder\n"
                + ShellQuoting.command("cp", args) + " || { echo " + ShellQuoting.quote(why) + " >&2; exit 1; }\n"
                + "echo " + ShellQuoting.quote("NAMDRunner: " + link.describe() + " copied " + String.join(", ", files) + " from " + from)
                + " > namdrunner_stage_inputs.txt\n";
    }
}
