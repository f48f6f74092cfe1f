package org.namdrunner.namd;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;

/**
 * NAMD 3: a structure (psf), coordinates (pdb) and a CHARMM parameter file, run through a config
 * template; the batch body starts {@code namd3} with {@code mpirun} without CPU-affinity flags (they fail
 * with OpenMPI builds).
 */
public class NamdJobType implements JobType {

    public static final String ID = "namd";
    public static final String CONFIG_FILE = "config.namd";
    public static final String LOG_FILE = "namd_output.log";

    private static final List<InputFileSpec> INPUTS = List.of(
            new InputFileSpec("structure", "structure (PSF)", List.of("psf"), true),
            new InputFileSpec("coordinates", "coordinates (PDB)", List.of("pdb"), true),
            new InputFileSpec("parameters", "CHARMM parameters", List.of("prm", "par", "str", "inp", "rtf"), true));

    private final NamdTemplate template;

    public NamdJobType() {
        this(NamdTemplate.vacuumMinimization());
    }

    public NamdJobType(NamdTemplate template) {
        this.template = template;
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

    @Override
    public void validate(Map<String, String> parameters) throws InvalidInputException {
        template.values(parameters);
    }

    @Override
    public Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile) {
        Map<String, String> values = new LinkedHashMap<>(template.values(parameters));
        for (InputFileSpec spec : INPUTS) {
            String file = parameters.get(spec.key());
            if (file == null) {
                throw new InvalidInputException(spec.key(), "The " + spec.label() + " file is missing.");
            }
            values.put(spec.key(), "input_files/" + file);
        }
        return Map.of(CONFIG_FILE, TemplateRenderer.render(template.text(), values));
    }

    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        return "export SLURM_EXPORT_ENV=ALL\n"
                + "mpirun -np \"$SLURM_NTASKS\" namd3 " + CONFIG_FILE + " > " + LOG_FILE + " 2>&1\n";
    }

    @Override
    public String logFile(Job job) {
        return LOG_FILE;
    }

    @Override
    public LogSummary parseLog(String logText) {
        return NamdLogParser.parse(logText);
    }
}
