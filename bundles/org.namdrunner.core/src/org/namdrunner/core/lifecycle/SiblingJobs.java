package org.namdrunner.core.lifecycle;

import java.util.List;
import java.util.Map;

import org.eclipse.core.runtime.SubMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * Jobs made at once from one upload, the stages of a chain and the replicas of a set: the first is created as any job;
 * each other gets its folder beside it, with a copy of the first one's inputs made on the cluster. Made whole or not at
 * all.
 */
final class SiblingJobs {

    private SiblingJobs() {
    }

    /** Makes the job's folder: its folders, a cluster-side copy of {@code first}'s inputs, its rendered files, job_info.json (7 + files ticks). */
    static void makeFolder(ClusterConnection c, Job first, Job job, Map<String, String> files, SubMonitor sub) throws ClusterException {
        String dir = job.projectDir().orElseThrow();
        for (String folder : List.of(JobFolders.INPUTS, JobFolders.SCRIPTS, JobFolders.OUTPUTS)) {
            c.mkdirs(RemotePaths.join(dir, folder), sub.split(1));
        }
        RemoteFiles.copyContents(c, RemotePaths.join(first.projectDir().orElseThrow(), JobFolders.INPUTS),
                RemotePaths.join(dir, JobFolders.INPUTS), sub.split(4));
        for (Map.Entry<String, String> f : files.entrySet()) {
            c.writeFile(RemotePaths.join(dir, f.getKey()), f.getValue(), sub.split(1));
        }
        c.writeFile(RemotePaths.join(dir, JobFolders.JOB_INFO), JobInfoJson.write(job), sub.split(1));
    }

    /** Removes the folders of the jobs made so far and forgets them. */
    static void undo(JobStore store, ClusterConnection c, List<Job> made) {
        for (Job j : made) {
            for (String dir : JobService.storedFolders(j)) {
                RemoteFiles.removeQuietly(c, dir);
            }
            try {
                store.delete(j.id());
            } catch (StoreException | RuntimeException e) {
                // not stored yet, or the store failed: the original failure is what counts
            }
        }
    }
}
