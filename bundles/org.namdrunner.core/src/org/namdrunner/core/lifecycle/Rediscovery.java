package org.namdrunner.core.lifecycle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.validation.InputRules;

/**
 * Imports jobs from the job_info.json files under a cluster's project root. Nothing in a job_info.json is trusted:
 * its project and scratch folders must be exactly the ones this profile gives the job's id (so a planted file cannot
 * point a later delete or result copy anywhere else), and a terminal state is not taken from it: such a job comes in
 * UNKNOWN and the sync that follows the import moves it on SLURM's evidence only.
 */
final class Rediscovery {

    /** Runs the sync that follows an import. */
    interface SyncStep {
        SyncReport run() throws StoreException;
    }

    private Rediscovery() {
    }

    static RediscoveryReport run(JobStore store, ClusterConnection c, Clock clock, IProgressMonitor monitor, SyncStep sync)
            throws ClusterException, StoreException {
        ClusterProfile profile = c.profile();
        String root = RemotePaths.join(profile.projectsRoot(), ClusterProfile.JOBS_FOLDER);
        List<String> imported = new ArrayList<>();
        List<String> known = new ArrayList<>();
        List<String> rejected = new ArrayList<>();
        for (String path : RemoteFiles.find(c, root, JobFolders.JOB_INFO, 2, monitor)) {
            try {
                Job job = JobInfoJson.read(c.readFile(path, 1024 * 1024, monitor));
                if (!job.clusterProfileId().equals(profile.id()) || !job.projectDir().orElse("").equals(profile.projectDirFor(job.id()))
                        || !path.equals(RemotePaths.join(profile.projectDirFor(job.id()), JobFolders.JOB_INFO))) {
                    rejected.add(path + ": belongs to another profile or folder");
                    continue;
                }
                if (!job.scratchDir().orElse("").equals(profile.scratchDirFor(job.id()))) {
                    rejected.add(path + ": its scratch folder " + job.scratchDir().map(InputRules::printable).orElse("(none)")
                            + " is not " + profile.scratchDirFor(job.id()) + ", the one this profile gives job " + job.id());
                    continue;
                }
                if (store.find(job.id()).isPresent()) {
                    known.add(job.id());
                    continue;
                }
                // a job that had reached SUBMITTING but has no SLURM id cannot be followed; keep it as created
                if (job.slurmId().isEmpty() && job.status() != JobStatus.CREATED) {
                    job = job.toBuilder().status(JobStatus.CREATED).build();
                } else if (job.status().isTerminal()) {
                    job = job.toBuilder().status(JobStatus.UNKNOWN).build(); // the sync below decides, on SLURM's record
                }
                store.create(job.toBuilder().updatedAt(clock.instant()).build());
                imported.add(job.id());
            } catch (InvalidInputException e) {
                rejected.add(path + ": " + e.getMessage());
            }
        }
        SyncReport report = imported.isEmpty() ? null : sync.run();
        return new RediscoveryReport(imported, known, rejected, report);
    }
}
