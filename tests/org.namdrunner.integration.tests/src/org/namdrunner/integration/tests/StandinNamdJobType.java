package org.namdrunner.integration.tests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.ChainableJobType;
import org.namdrunner.core.jobtype.ReplicableJobType;
import org.namdrunner.core.jobtype.LogFollower;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.NamdJobType;

/**
 * The real NAMD job type, plus comment lines that only the cluster's namd3 stand-in reads (slow it down,
 * make it fail). Parameter {@code standin}: directives separated by ';', e.g.
 * {@code seconds_per_step 0.5;fail "Atoms moving too fast"}. Parameter {@code standinConfig}: config lines (';'
 * between them) put after the template's, which the stand-in takes over the template's (e.g. {@code outputTiming 1000}).
 * Parameter {@code standinFromTree=true}: the job runs this checkout's tests/cluster/namd3-standin, uploaded with the
 * job, instead of the cluster's installed copy (which is only updated when the shared cluster is restarted).
 * Everything else is NamdJobType's own output.
 */
class StandinNamdJobType implements ChainableJobType, ReplicableJobType {

    static final String DIRECTIVES = "standin";
    static final String CONFIG_LINES = "standinConfig";
    static final String FROM_TREE = "standinFromTree";
    static final String TREE_STANDIN = "namd3-standin";

    private final NamdJobType namd = new NamdJobType();

    @Override
    public String id() {
        return namd.id();
    }

    @Override
    public String name() {
        return namd.name();
    }

    @Override
    public List<InputFileSpec> inputFiles() {
        return namd.inputFiles();
    }

    @Override
    public void validate(Map<String, String> parameters) {
        namd.validate(parameters);
    }

    @Override
    public Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile) {
        Map<String, String> files = new LinkedHashMap<>(namd.renderFiles(job, parameters, profile));
        String directives = parameters.getOrDefault(DIRECTIVES, "");
        if (!directives.isBlank()) {
            StringBuilder config = new StringBuilder(files.get(NamdJobType.CONFIG_FILE));
            for (String d : directives.split(";")) {
                config.append("# standin: ").append(d.strip()).append('\n');
            }
            files.put(NamdJobType.CONFIG_FILE, config.toString());
        }
        String lines = parameters.getOrDefault(CONFIG_LINES, "");
        if (!lines.isBlank()) {
            StringBuilder config = new StringBuilder(files.get(NamdJobType.CONFIG_FILE));
            for (String l : lines.split(";")) {
                config.append(l.strip()).append('\n');
            }
            files.put(NamdJobType.CONFIG_FILE, config.toString());
        }
        if (Boolean.parseBoolean(parameters.get(FROM_TREE))) {
            files.put(TREE_STANDIN, treeStandin());
        }
        return files;
    }

    static String treeStandin() {
        Path file = Path.of(System.getProperty("namdrunner.repoRoot", "../.."), "tests/cluster/namd3-standin");
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException("The stand-in " + file.toAbsolutePath() + " could not be read", e);
        }
    }

    @Override
    public Map<String, String> replica(Map<String, String> parameters, int index, long seed) {
        return namd.replica(parameters, index, seed);
    }

    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        String body = namd.renderBatchBody(job, parameters, profile);
        if (Boolean.parseBoolean(parameters.get(FROM_TREE))) {
            body = "chmod +x " + TREE_STANDIN + "\n" + body.replace(" namd3 ", " ./" + TREE_STANDIN + " ");
        }
        return body;
    }

    @Override
    public String logFile(Job job) {
        return namd.logFile(job);
    }

    @Override
    public LogSummary parseLog(String logText) {
        return namd.parseLog(logText);
    }

    @Override
    public LogFollower followLog(Job job) {
        return namd.followLog(job);
    }

    @Override
    public List<String> continuationReads(Job job, Map<String, String> parameters) {
        return namd.continuationReads(job, parameters);
    }

    @Override
    public Continuation planContinuation(Job job, Map<String, String> parameters, Map<String, String> texts, Map<String, Instant> outputFiles) {
        return namd.planContinuation(job, parameters, texts, outputFiles);
    }

    @Override
    public List<String> stageOutputs(Job stage, Map<String, String> parameters) {
        return namd.stageOutputs(stage, parameters);
    }

    @Override
    public Map<String, String> stageStart(Job previous, Map<String, String> previousParameters, Map<String, String> stageParameters) {
        return namd.stageStart(previous, previousParameters, stageParameters);
    }

    @Override
    public Continuation planExtension(Job job, Map<String, String> parameters, Map<String, String> texts, Map<String, Instant> outputFiles,
            double nanoseconds) {
        return namd.planExtension(job, parameters, texts, outputFiles, nanoseconds);
    }
}
