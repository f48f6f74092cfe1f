package org.namdrunner.app;

import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.lifecycle.RediscoveryReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.StoreException;

/**
 * File &gt; Import Jobs from Cluster, without the widgets: the person picks a cluster profile, the core's
 * rediscovery reads every {@code job_info.json} under the profile's job folders (signing in if needed: the person
 * asked for it), imports the jobs this database does not have, syncs them, and {@link #describe} says what came in
 * and what was refused and why.
 */
public final class ClusterImport {

    /** What one import did, in words for the person. */
    public record Result(ClusterProfile profile, RediscoveryReport report, List<String> importedNames) {
    }

    private ClusterImport() {
    }

    public static Result run(Backend backend, ClusterProfile profile, IProgressMonitor monitor) throws ClusterException, StoreException {
        RediscoveryReport report = backend.jobService().rediscover(profile.id(), monitor);
        List<String> names = new ArrayList<>();
        for (String id : report.imported()) {
            names.add(backend.store().find(id).map(ClusterImport::line).orElse(id));
        }
        return new Result(profile, report, names);
    }

    private static String line(Job j) {
        return j.name() + " (" + j.status().label() + j.slurmId().map(s -> ", SLURM job " + s).orElse("") + ")";
    }

    /** The words of the result dialog. */
    public static String describe(Result r) {
        StringBuilder sb = new StringBuilder();
        int n = r.report().imported().size();
        sb.append(n == 0 ? "No new jobs were found" : n + (n == 1 ? " job was" : " jobs were") + " imported")
                .append(" from ").append(r.profile().name()).append(" (").append(r.profile().projectsRoot()).append("/")
                .append(ClusterProfile.JOBS_FOLDER).append(").");
        r.importedNames().forEach(name -> sb.append("\n  • ").append(name));
        if (!r.report().known().isEmpty()) {
            sb.append("\n").append(r.report().known().size()).append(" already in this database, left as they are.");
        }
        if (!r.report().rejected().isEmpty()) {
            sb.append("\n\nRefused (").append(r.report().rejected().size()).append("), nothing of them was imported:");
            r.report().rejected().forEach(why -> sb.append("\n  • ").append(why));
        }
        if (n > 0) {
            sb.append("\n\nTheir status comes from SLURM: a job the file calls finished shows Unknown until SLURM's record says how it ended.");
        }
        if (r.report().sync() != null && !r.report().sync().succeeded()) {
            sb.append("\n\nThe sync after the import failed: ").append(r.report().sync().status().getMessage());
        }
        return sb.toString();
    }
}
