package org.namdrunner.namd;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.ContinuableJobType;
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
public class NamdJobType implements ContinuableJobType {

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
    /** Parameter: the system's atom count (from the PSF), the evidence for sizing a similar job later; optional. */
    public static final String ATOMS = "atoms";

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
        if (parameters.containsKey(ATOMS)) {
            number(parameters, ATOMS, 1);
        }
        if (parameters.containsKey(CONTINUE_FROM)) {
            InputRules.checkName(CONTINUE_FROM, "restart file name", parameters.get(CONTINUE_FROM));
            number(parameters, CONTINUE_FIRST_STEP, 0);
            number(parameters, CONTINUE_STEPS, 1);
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
        String config = NamdInputSet.withAllParameters(TemplateRenderer.render(template.text(), values),
                NamdInputSet.parameterFiles(parameters), JobFolders.INPUTS);
        if (parameters.containsKey(CONTINUE_FROM)) {
            validate(parameters);
            config = NamdContinuationConfig.apply(config, JobFolders.INPUTS + "/" + parameters.get(CONTINUE_FROM),
                    number(parameters, CONTINUE_FIRST_STEP, 0), number(parameters, CONTINUE_STEPS, 1),
                    parameters.getOrDefault(CONTINUED_JOB, "?"));
        }
        if (job != null && job.resources().gpus() > 0) {
            config = NamdGpuRun.config(config);
        }
        return Map.of(CONFIG_FILE, config);
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
            return "restarts at step " + first.strip() + " (its last restart files) with " + steps.strip() + " steps left, up to step " + last;
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
    public List<String> continuationReads(Job job, Map<String, String> parameters) {
        List<String> reads = new ArrayList<>(List.of(CONFIG_FILE, JobFolders.OUTPUTS + "/" + LOG_FILE));
        try {
            String config = renderFiles(job, parameters, null).get(CONFIG_FILE);
            reads.add(JobFolders.OUTPUTS + "/" + NamdConfigSteps.of(config).restartFiles().get(2));
        } catch (InvalidInputException e) {
            // the template is gone or changed: the plan then goes without the .xsc cross-check
        }
        return reads;
    }

    /**
     * From the old job's config (its step plan and output name), its log (the last complete restart) and its
     * {@code .restart.xsc}: a job that restarts there with the steps that are left.
     */
    @Override
    public Continuation planContinuation(Job job, Map<String, String> parameters, Map<String, String> texts, Set<String> outputFiles) {
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
        List<String> missing = restart.stream().filter(f -> !outputFiles.contains(f)).toList();
        if (!missing.isEmpty()) {
            throw new InvalidInputException("restart", "Job " + job.name() + " left no restart files to continue from: "
                    + String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " missing in its outputs (restartfreq "
                    + "may be larger than the steps it ran).");
        }
        long step = NamdRestartPoint.agreedStep(log, texts.get(JobFolders.OUTPUTS + "/" + restart.get(2)), job.name());
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
        return new Continuation(params, restart, "from step " + step + " of " + plan.lastStep() + ", " + left + " steps left");
    }
}
