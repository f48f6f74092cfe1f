package org.namdrunner.core.tests.registry;

import java.util.List;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.Job;

/** A minimal working contribution. */
public class GoodJobType implements JobType {

    @Override
    public String id() {
        return "test.good";
    }

    @Override
    public String name() {
        return "Good";
    }

    @Override
    public List<InputFileSpec> inputFiles() {
        return List.of();
    }

    @Override
    public void validate(Map<String, String> parameters) {
    }

    @Override
    public Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile) {
        return Map.of();
    }

    @Override
    public String renderBatchBody(Job job, Map<String, String> parameters, ClusterProfile profile) {
        return "true\n";
    }

    @Override
    public String logFile(Job job) {
        return "log.txt";
    }

    @Override
    public LogSummary parseLog(String logText) {
        return LogSummary.empty();
    }
}
