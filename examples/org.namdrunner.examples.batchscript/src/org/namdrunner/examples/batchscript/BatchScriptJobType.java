package org.namdrunner.examples.batchscript;

import java.util.List;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;

/**
 * A generic SLURM batch script: the person types the commands, optionally adds up to three input files
 * (uploaded to {@code input_files/}) and names result files in subfolders. The commands are written to
 * {@value #SCRIPT_FILE} and run with bash in the job's scratch folder, their output going to
 * {@value #LOG_FILE}; the job's exit status is the script's.
 * <p>
 * Contributed through {@code org.namdrunner.core.jobTypes} (see plugin.xml). Pure, as the contract asks: no
 * I/O, no UI.
 */
public class BatchScriptJobType implements JobType {

    public static final String ID = "org.namdrunner.examples.batchscript";
    public static final String NAME = "Generic SLURM batch script";
    public static final String SCRIPT_FILE = "scripts/user_script.sh";
    public static final String LOG_FILE = "batch_output.log";

    /** File kinds a script commonly reads; the workbench needs a list, since a file name ends up on the cluster. */
    public static final List<String> INPUT_EXTENSIONS = List.of("txt", "dat", "csv", "tsv", "json", "xml", "yaml", "yml",
            "conf", "cfg", "in", "inp", "py", "sh", "tcl", "r", "pdb", "psf", "prm", "par", "str", "rtf", "top", "gro", "mdp",
            "xyz", "dcd", "coor", "vel", "xsc", "npy", "h5", "tar", "gz", "tgz", "zip");

    public static final int INPUT_SLOTS = 3;

    private static final List<InputFileSpec> INPUTS = List.of(
            new InputFileSpec("input1", "input file 1", INPUT_EXTENSIONS, false),
            new InputFileSpec("input2", "input file 2", INPUT_EXTENSIONS, false),
            new InputFileSpec("input3", "input file 3", INPUT_EXTENSIONS, false));

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public List<InputFileSpec> inputFiles() {
        return INPUTS;
    }

    @Override
    public void validate(Map<String, String> parameters) throws InvalidInputException {
        BatchScriptRules.check(parameters);
    }

    @Override
    public Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile) {
        String script = BatchScriptRules.checkScript(parameters.get(BatchScriptRules.SCRIPT));
        return Map.of(SCRIPT_FILE, BatchScriptRules.normalize(script));
    }

    /**
     * Runs the script with bash (output to the log), notes in the log each named result file the script did not
     * write, and exits with the script's status so SLURM reports COMPLETED or FAILED as the script did.
     */
    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        BatchScriptRules.checkScript(parameters.get(BatchScriptRules.SCRIPT));
        List<String> results = BatchScriptRules.resultFiles(parameters.get(BatchScriptRules.RESULT_FILES));
        StringBuilder body = new StringBuilder();
        body.append("# Generic SLURM batch script (").append(ID).append("): the commands are in ").append(SCRIPT_FILE).append('\n');
        body.append("bash ").append(ShellQuoting.quote(SCRIPT_FILE)).append(" > ").append(ShellQuoting.quote(LOG_FILE))
                .append(" 2>&1\n");
        body.append("status=$?\n");
        if (!results.isEmpty()) {
            body.append("for f in");
            for (String path : results) {
                body.append(' ').append(ShellQuoting.quote(path));
            }
            body.append("; do\n");
            body.append("  [ -f \"$f\" ] || echo \"result file $f was not written\" >> ").append(ShellQuoting.quote(LOG_FILE))
                    .append('\n');
            body.append("done\n");
        }
        body.append("exit \"$status\"\n");
        return body.toString();
    }

    /** The named result files; the workbench keeps them in {@code outputs/} at the same relative paths. */
    @Override
    public List<String> resultFiles(Job job, Map<String, String> parameters) {
        return BatchScriptRules.resultFiles(parameters.get(BatchScriptRules.RESULT_FILES));
    }

    @Override
    public String logFile(Job job) {
        return LOG_FILE;
    }

    @Override
    public LogSummary parseLog(String logText) {
        return BatchScriptLog.parse(logText);
    }
}
