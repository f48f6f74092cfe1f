package org.namdrunner.namd;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.ChainableJobType;
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.jobtype.ContinuableJobType;
import org.namdrunner.core.jobtype.LogFollower;
import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.validation.InputRules;

/**
 * NAMD 3: a structure (psf), coordinates (pdb) and CHARMM parameter files (any number: {@link NamdInputSet}; plus a restraints file for templates
 * that use {@code {{restraints}}}), run through a config template chosen by the parameter {@value #TEMPLATE}
 * (built-in or stored, see {@link NamdTemplates}); the batch body starts {@code namd3} with {@code mpirun} without
 * CPU-affinity flags (they fail with OpenMPI builds), or, for a job with GPUs, as one multicore-CUDA process with
 * GPU-resident integration where the config allows it ({@link NamdGpuRun}). A job that ran out of walltime can be continued from its
 * restart files ({@link ContinuableJobType}).
 */
public class NamdJobType implements ChainableJobType, ReplicableJobType {

    public static final String ID = "namd";
    public static final String CONFIG_FILE = "config.namd";
    public static final String LOG_FILE = "namd_output.log";

    /** Parameter: the template id; without it the default built-in template. */
    public static final String TEMPLATE = "template";
    /** Continuation parameters: restart files' base name in input_files, first step, steps to run, the old job. */
    public static final String CONTINUE_FROM = "continueFrom";
    public static final String CONTINUE_FIRST_STEP = "continueFirstStep";
    public static final String CONTINUE_STEPS = "continueSteps";
    public static final String CONTINUED_JOB = "continuedJob";
    /**
     * Parameter: the config text the job runs as it is (a person's own config rewritten by {@link OwnNamdConfig}, or the
     * config edited on the review page); it replaces the template's and is checked by {@link OwnNamdConfig#check}.
     */
    public static final String CONFIG = "config";
    /** Parameter: the name of the person's own config file the job's config came from (shown, not used). */
    public static final String OWN_CONFIG = "ownConfig";
    /** Parameter: the system's atom count (from the PSF), the evidence for sizing a similar job later; optional. */
    public static final String ATOMS = "atoms";
    /** {@code restart} (default): velocities from the .vel file; {@code reinit}: new ones at the config's temperature. */
    public static final String CONTINUE_VELOCITIES = "continueVelocities";
    /**
     * {@code yes}: the continuation starts from the complete restart set NAMD kept as {@code .old} files, because the old
     * job was stopped while writing a newer one ({@link NamdRestartPoint#choose}).
     */
    public static final String CONTINUE_FROM_OLD_COPIES = "continueFromOldCopies";
    private static final String OLD_COPIES_NOTE = "the complete restart files NAMD kept as .old; it was stopped while writing newer ones";

    private static final List<InputFileSpec> INPUTS = List.of(
            new InputFileSpec("structure", "structure (PSF)", List.of("psf"), true),
            new InputFileSpec("coordinates", "coordinates (PDB)", List.of("pdb"), true),
            new InputFileSpec("parameters", "CHARMM parameters", List.of("prm", "par", "str", "inp", "rtf"), true),
            new InputFileSpec("restraints", "restraints (extraBonds file)", List.of("txt", "exb", "dat"), false));

    private final NamdTemplates templates;
    private final NamdTemplate fixed;

    /** Built-in templates and the workbench's stored ones. */
    public NamdJobType() {
        this(NamdTemplates.fromServices());
    }

    public NamdJobType(NamdTemplates templates) {
        this.templates = templates;
        this.fixed = null;
    }

    /** Always this template, whatever the parameters say. */
    public NamdJobType(NamdTemplate template) {
        this.templates = NamdTemplates.builtInOnly();
        this.fixed = template;
    }

    /** The keys of the input files; a template may use them as placeholders without declaring them. */
    public static Set<String> inputKeys() {
        return Set.of("structure", "coordinates", "parameters", "restraints");
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "NAMD";
    }

    @Override
    public List<InputFileSpec> inputFiles() {
        return INPUTS;
    }

    public NamdTemplates templates() {
        return templates;
    }

    /** The template the parameters choose. */
    public NamdTemplate template(Map<String, String> parameters) {
        if (fixed != null) {
            return fixed;
        }
        String id = parameters.getOrDefault(TEMPLATE, "");
        return templates.require(id.isBlank() ? BuiltInTemplates.DEFAULT_ID : id.strip());
    }

    @Override
    public void validate(Map<String, String> parameters) throws InvalidInputException {
        template(parameters).values(parameters);
        NamdInputSet.validate(parameters);
        NamdSeed.validate(parameters);
        String config = parameters.get(CONFIG);
        if (config != null && (config.isBlank() || config.length() > OwnNamdConfig.MAX_CONFIG_CHARS)) {
            throw new InvalidInputException(CONFIG, config.isBlank() ? "The config is empty."
                    : "The config has " + config.length() + " characters; at most " + OwnNamdConfig.MAX_CONFIG_CHARS + " are taken.");
        }
        if (parameters.containsKey(ATOMS)) {
            number(parameters, ATOMS, 1);
        }
        if (parameters.containsKey(CONTINUE_FROM)) {
            InputRules.checkName(CONTINUE_FROM, "restart file name", parameters.get(CONTINUE_FROM));
            number(parameters, CONTINUE_FIRST_STEP, 0);
            number(parameters, CONTINUE_STEPS, 1);
            String v = parameters.getOrDefault(CONTINUE_VELOCITIES, "restart");
            if (!v.equals("restart") && !v.equals("reinit")) {
                throw new InvalidInputException(CONTINUE_VELOCITIES, "continueVelocities is 'restart' or 'reinit', not '"
                        + InputRules.printable(v) + "'.");
            }
        }
    }

    private static long number(Map<String, String> parameters, String key, long min) {
        String raw = parameters.get(key);
        try {
            long n = Long.parseLong(raw == null ? "" : raw.strip());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // below
        }
        throw new InvalidInputException(key, "The value " + key + " must be a whole number of at least " + min
                + ", not '" + InputRules.printable(String.valueOf(raw)) + "'.");
    }

    @Override
    public Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile) {
        String config = parameters.containsKey(CONFIG) ? ownConfig(parameters) : templateConfig(parameters);
        String restraints = parameters.get(CharmmGuiRestraints.PARAMETER);
        if ("yes".equals(parameters.get(CharmmGuiRestraints.RESTRAINED)) && restraints != null && !restraints.isBlank()) {
            config = CharmmGuiRestraints.config(config, restraints, stagedNames(parameters));
        }
        if (parameters.containsKey(CONTINUE_FROM)) {
            validate(parameters);
            config = NamdContinuationConfig.apply(config, JobFolders.INPUTS + "/" + parameters.get(CONTINUE_FROM),
                    number(parameters, CONTINUE_FIRST_STEP, 0), number(parameters, CONTINUE_STEPS, 1),
                    parameters.getOrDefault(CONTINUED_JOB, "?"), !"reinit".equals(parameters.get(CONTINUE_VELOCITIES)));
        }
        if (parameters.containsKey(NamdSeed.SEED)) {
            config = NamdSeed.config(config, NamdSeed.seed(NamdSeed.SEED, parameters.get(NamdSeed.SEED)));
        }
        if (job != null && job.resources().gpus() > 0) {
            config = NamdGpuRun.config(config);
        }
        return Map.of(CONFIG_FILE, config);
    }

    /** Replica k runs the same config with its own {@code seed} ({@link NamdSeed}). */
    @Override
    public Map<String, String> replica(Map<String, String> parameters, int index, long seed) {
        return NamdSeed.replica(parameters, seed);
    }

    /** The review page may edit the config; the edit is kept in {@link #CONFIG} and runs as it is. */
    @Override
    public String editedFileParameter(String file) {
        return CONFIG_FILE.equals(file) ? CONFIG : null;
    }

    /** The config text of {@link #CONFIG}, refused (every problem named) unless it reads only the job's staged files. */
    private static String ownConfig(Map<String, String> parameters) {
        NamdInputSet.validate(parameters);
        String config = parameters.get(CONFIG);
        List<String> problems = OwnNamdConfig.check(config == null ? "" : config, stagedNames(parameters));
        if (!problems.isEmpty()) {
            throw new InvalidInputException(CONFIG, CONFIG_FILE + " " + String.join(" ", problems.subList(0, Math.min(6, problems.size())))
                    + (problems.size() > 6 ? " (and " + (problems.size() - 6) + " more)" : ""));
        }
        return config;
    }

    /** The names of the files the job stages in input_files/. */
    private static List<String> stagedNames(Map<String, String> parameters) {
        List<String> staged = new ArrayList<>();
        parameters.forEach((k, v) -> {
            if ((inputKeys().contains(k) || NamdInputSet.isNumberedKey(k)) && v != null && !v.isBlank()) {
                staged.add(v.strip());
            }
        });
        return staged;
    }

    private String templateConfig(Map<String, String> parameters) {
        NamdTemplate template = template(parameters);
        Map<String, String> values = new LinkedHashMap<>(template.values(parameters));
        Set<String> used = template.placeholders();
        for (InputFileSpec spec : INPUTS) {
            String file = parameters.get(spec.key());
            if (file == null || file.isBlank()) {
                if (spec.required() || used.contains(spec.key())) {
                    throw new InvalidInputException(spec.key(), "The " + spec.label() + " file is missing"
                            + (spec.required() ? "." : "; the template '" + template.name() + "' needs it."));
                }
                continue;
            }
            values.put(spec.key(), JobFolders.INPUTS + "/" + InputRules.checkName(spec.key(), spec.label() + " file", file));
        }
        NamdInputSet.validate(parameters);
        return NamdInputSet.withAllParameters(TemplateRenderer.render(template.text(), values),
                NamdInputSet.parameterFiles(parameters), JobFolders.INPUTS);
    }

    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        if (job.resources().gpus() > 0) {
            return NamdGpuRun.batchBody(job.resources(), profile, CONFIG_FILE, LOG_FILE);
        }
        return "export SLURM_EXPORT_ENV=ALL\n"
                + "mpirun -np \"$SLURM_NTASKS\" namd3 " + CONFIG_FILE + " > " + LOG_FILE + " 2>&1\n";
    }

    /** Every step of the job's config (minimization, dynamics; a continuation's steps left) at the measured speed. */
    @Override
    public Optional<Duration> runTimeAt(Map<String, String> parameters, double nsPerDay) {
        try {
            return NamdSizing.runTime(renderFiles(null, parameters, null).get(CONFIG_FILE), nsPerDay);
        } catch (InvalidInputException e) {
            return Optional.empty();
        }
    }

    @Override
    public String continuationSummary(Map<String, String> parameters) {
        String first = parameters.get(CONTINUE_FIRST_STEP);
        String steps = parameters.get(CONTINUE_STEPS);
        if (first == null || steps == null) {
            return "";
        }
        try {
            long last = Long.parseLong(first.strip()) + Long.parseLong(steps.strip());
            String which = "yes".equals(parameters.get(CONTINUE_FROM_OLD_COPIES)) ? OLD_COPIES_NOTE : "its last restart files";
            return "restarts at step " + first.strip() + " (" + which + ") with " + steps.strip() + " steps left, up to step " + last;
        } catch (NumberFormatException e) {
            return "";
        }
    }

    @Override
    public String logFile(Job job) {
        return LOG_FILE;
    }

    @Override
    public LogSummary parseLog(String logText) {
        return NamdLogParser.parse(logText);
    }

    @Override
    public LogFollower followLog(Job job) {
        return new NamdLogFollower();
    }

    @Override
    public List<String> continuationReads(Job job, Map<String, String> parameters) {
        List<String> reads = new ArrayList<>(List.of(CONFIG_FILE, JobFolders.OUTPUTS + "/" + LOG_FILE));
        try {
            String config = renderFiles(job, parameters, null).get(CONFIG_FILE);
            String xsc = JobFolders.OUTPUTS + "/" + NamdConfigSteps.of(config).restartFiles().get(2);
            reads.add(xsc);
            reads.add(xsc + NamdRestartPoint.OLD);
        } catch (InvalidInputException e) {
            // the template is gone or changed: the plan then goes without the .xsc cross-check
        }
        return reads;
    }

    /**
     * From the old job's config (its step plan and output name), its log (the last complete restart), its
     * {@code .restart.xsc} and, when that is of a later step, the complete set NAMD kept as {@code .old}
     * ({@link NamdRestartPoint#choose}): a job that restarts there with the steps that are left.
     */
    @Override
    public Continuation planContinuation(Job job, Map<String, String> parameters, Map<String, String> texts,
            Map<String, Instant> outputFiles) {
        String config = texts.get(CONFIG_FILE);
        if (config == null) {
            throw new InvalidInputException("config", "The config " + CONFIG_FILE + " of job " + job.name()
                    + " is not in its folder on the cluster; it cannot be continued.");
        }
        String log = texts.get(JobFolders.OUTPUTS + "/" + LOG_FILE);
        if (log == null) {
            throw new InvalidInputException("log", "The log " + LOG_FILE + " of job " + job.name()
                    + " is not in its outputs folder; it cannot be continued.");
        }
        NamdConfigSteps plan = NamdConfigSteps.of(config);
        List<String> restart = plan.restartFiles();
        // an .xsc that is only there as .old was renamed by NAMD just before the job was stopped: choose() takes the .old set
        List<String> missing = restart.stream().filter(f -> !outputFiles.containsKey(f)
                && !(f.equals(restart.get(2)) && outputFiles.containsKey(f + NamdRestartPoint.OLD))).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("restart", "Job " + job.name() + " left no restart files to continue from: "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing in its outputs (restartfreq "
                    + "may be larger than the steps it ran).");
        }
        String xsc = JobFolders.OUTPUTS + "/" + restart.get(2);
        NamdRestartPoint.RestartSet set = NamdRestartPoint.choose(log, restart, texts.get(xsc), texts.get(xsc + NamdRestartPoint.OLD),
                outputFiles, job.name());
        long step = set.step();
        if (step < plan.minimizationEnd()) {
            throw new InvalidInputException("restart", "Job " + job.name() + " stopped during minimization (restart files at step "
                    + step + ", minimization ends at step " + plan.minimizationEnd() + "); submit it again with more walltime.");
        }
        long left = plan.lastStep() - step;
        if (left <= 0) {
            throw new InvalidInputException("restart", "Job " + job.name() + " reached its last step (" + plan.lastStep()
                    + ") before it stopped; there is nothing left to run.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(CONTINUE_FROM, plan.restartName());
        params.put(CONTINUE_FIRST_STEP, Long.toString(step));
        params.put(CONTINUE_STEPS, Long.toString(left));
        params.put(CONTINUED_JOB, job.id());
        params.put(CONTINUE_VELOCITIES, "restart");
        // always said: the parameters of the old job, which may have started from .old copies, are the base of the new one's
        params.put(CONTINUE_FROM_OLD_COPIES, set.fromOldCopies() ? "yes" : "no");
        return new Continuation(params, restart, "from step " + step + " of " + plan.lastStep() + ", " + left + " steps left"
                + (set.fromOldCopies() ? " (" + OLD_COPIES_NOTE + ")" : ""), set.sources());
    }

    /** The step plan of the job's config as this type renders it from the parameters. */
    private NamdConfigSteps steps(Job job, Map<String, String> parameters) {
        return NamdConfigSteps.of(renderFiles(job, parameters, null).get(CONFIG_FILE));
    }

    /** {@code <outputName>.coor} and {@code .xsc}, and {@code .vel} after dynamics (a minimization's velocities mean nothing). */
    @Override
    public List<String> stageOutputs(Job stage, Map<String, String> parameters) {
        NamdConfigSteps plan = steps(stage, parameters);
        List<String> files = new ArrayList<>(plan.outputFiles());
        if (plan.runSteps() == 0) {
            files.remove(plan.outputName() + ".vel");
        }
        return files;
    }

    /**
     * The stage runs its own template's {@code run} steps from the previous stage's final coordinates and cell, its steps
     * counted on from the previous stage's last step; after a minimization with new velocities at the temperature.
     */
    @Override
    public Map<String, String> stageStart(Job previous, Map<String, String> previousParameters, Map<String, String> stageParameters) {
        NamdConfigSteps before = steps(previous, previousParameters);
        Map<String, String> own = new LinkedHashMap<>(stageParameters);
        own.keySet().removeAll(List.of(CONTINUE_FROM, CONTINUE_FIRST_STEP, CONTINUE_STEPS, CONTINUE_VELOCITIES, CONTINUED_JOB,
                CONTINUE_FROM_OLD_COPIES));
        NamdConfigSteps mine = steps(previous, own);
        if (mine.runSteps() <= 0) {
            throw new InvalidInputException("runSteps", "A stage after the first one runs dynamics: give it more than 0 dynamics "
                    + "steps (a minimization can only be the first stage).");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(CONTINUE_FROM, before.outputName());
        params.put(CONTINUE_FIRST_STEP, Long.toString(before.lastStep()));
        params.put(CONTINUE_STEPS, Long.toString(mine.runSteps()));
        params.put(CONTINUE_VELOCITIES, before.runSteps() == 0 ? "reinit" : "restart");
        params.put(CONTINUED_JOB, previous.id());
        return params;
    }

    /** From {@code <outputName>.coor/.vel/.xsc} of the finished run, {@code nanoseconds} more at the config's timestep. */
    @Override
    public Continuation planExtension(Job job, Map<String, String> parameters, Map<String, String> texts,
            Map<String, Instant> outputFiles, double nanoseconds) {
        String config = texts.get(CONFIG_FILE);
        if (config == null) {
            throw new InvalidInputException("config", "The config " + CONFIG_FILE + " of job " + job.name()
                    + " is not in its folder on the cluster; it cannot be extended.");
        }
        NamdConfigSteps plan = NamdConfigSteps.of(config);
        if (plan.runSteps() == 0) {
            throw new InvalidInputException("runSteps", "Job " + job.name() + " only minimized; extend a job that ran dynamics.");
        }
        List<String> missing = plan.outputFiles().stream().filter(f -> !outputFiles.containsKey(f)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("outputs", "Job " + job.name() + " left no final files to extend from: "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing in its outputs.");
        }
        double fs = NamdConfigSteps.timestepFs(config);
        long more = Math.round(nanoseconds * 1_000_000 / fs);
        if (more < 1) {
            throw new InvalidInputException("nanoseconds", nanoseconds + " ns is less than one step of " + fs + " fs.");
        }
        Map<String, String> params = new LinkedHashMap<>();
        params.put(CONTINUE_FROM, plan.outputName());
        params.put(CONTINUE_FIRST_STEP, Long.toString(plan.lastStep()));
        params.put(CONTINUE_STEPS, Long.toString(more));
        params.put(CONTINUE_VELOCITIES, "restart");
        params.put(CONTINUED_JOB, job.id());
        params.put(CONTINUE_FROM_OLD_COPIES, "no");
        return new Continuation(params, plan.outputFiles(), "from step " + plan.lastStep() + ", " + more + " steps ("
                + nanoseconds + " ns at " + fs + " fs) more");
    }

    /** A protocol chosen in the wizard ({@link NamdProtocols#fromParameters}): its stages; none for a single job. */
    @Override
    public List<org.namdrunner.core.lifecycle.ChainStage> stages(Map<String, String> parameters) {
        return NamdProtocols.fromParameters(parameters);
    }
}
