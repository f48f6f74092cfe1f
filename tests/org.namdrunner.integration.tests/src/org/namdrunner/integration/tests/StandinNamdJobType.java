package org.namdrunner.integration.tests;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.ChainableJobType;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.NamdJobType;

/**
 * The real NAMD job type, plus comment lines that only the cluster's namd3 stand-in reads (slow it down,
 * make it fail). Parameter {@code standin}: directives separated by ';', e.g.
 * {@code seconds_per_step 0.5;fail "Atoms moving too fast"}. Everything else is NamdJobType's own output.
 */
class StandinNamdJobType implements ChainableJobType {

    static final String DIRECTIVES = "standin";

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
        return files;
    }

    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        return namd.renderBatchBody(job, parameters, profile);
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
    public List<String> continuationReads(Job job, Map<String, String> parameters) {
        return namd.continuationReads(job, parameters);
    }

    @Override
    public Continuation planContinuation(Job job, Map<String, String> parameters, Map<String, String> texts, Set<String> outputFiles) {
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
    public Continuation planExtension(Job job, Map<String, String> parameters, Map<String, String> texts, Set<String> outputFiles,
            double nanoseconds) {
        return namd.planExtension(job, parameters, texts, outputFiles, nanoseconds);
    }
}
