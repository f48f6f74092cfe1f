package org.namdrunner.integration.tests;

import java.util.LinkedHashMap;
import java.util.Map;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.Job;

/**
 * A job type as a contributed plug-in might write it: the NAMD job plus one extra file at a path inside the job
 * folder taken from the parameter {@value #PATH}. It lets a test push any relative path through
 * {@code JobService.create}, which must refuse the ones that leave the job folder or carry shell syntax.
 */
final class ExtraFileJobType extends StandinNamdJobType {

    static final String ID = "namd-extra-file";
    static final String PATH = "extraPath";

    /** The same request for this job type, writing the extra file at {@code path}. */
    static JobRequest request(JobRequest r, String path) {
        Map<String, String> params = new LinkedHashMap<>(r.parameters());
        params.put(PATH, path);
        return new JobRequest(r.name(), ID, r.profileId(), r.resources(), params, r.inputs());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String name() {
        return "NAMD with an extra file";
    }

    @Override
    public Map<String, String> renderFiles(Job job, Map<String, String> parameters, ClusterProfile profile) {
        Map<String, String> files = new LinkedHashMap<>(super.renderFiles(job, parameters, profile));
        files.put(parameters.get(PATH), "written by " + ID + "\n");
        return files;
    }
}
