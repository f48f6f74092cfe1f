package org.namdrunner.ui.internal.handlers;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.eclipse.core.runtime.CoreException;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.lifecycle.SyncReport;
import org.namdrunner.core.model.Job;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.Problems;

/** The background operations behind the commands. Each returns a scheduled-ready Eclipse job. */
public final class Operations {

    /** The body of an operation. */
    @FunctionalInterface
    interface Body {
        IStatus run(Backend backend, IProgressMonitor monitor) throws CoreException;
    }

    /** What to do with one job. */
    @FunctionalInterface
    interface PerJob {
        void run(Job job, Backend backend, IProgressMonitor monitor) throws CoreException;
    }

    private Operations() {
    }

    static BackgroundOperation of(Backend backend, String name, List<String> jobIds, Body body) {
        return new BackgroundOperation(name, jobIds, backend) {
            @Override
            protected IStatus execute(Backend backend, IProgressMonitor monitor) throws CoreException {
                return body.run(backend, monitor);
            }
        };
    }

    private static BackgroundOperation perJob(Backend backend, String name, String failed, List<Job> jobs, PerJob action) {
        return of(backend, name, ids(jobs), (b, m) -> {
            List<BackgroundOperation.Item> items = new ArrayList<>();
            for (Job j : jobs) {
                items.add(new BackgroundOperation.Item(failed + " " + j.name(), (b2, m2) -> action.run(j, b2, m2)));
            }
            return BackgroundOperation.forEach(b, m, failed + " some jobs", items);
        });
    }

    /** Uploads a new job's files and stores it; submits it too when asked. */
    public static BackgroundOperation create(Backend backend, JobRequest request, boolean submit) {
        return of(backend, "Creating job " + request.name(), List.of(), (b, m) -> {
            Job job;
            try {
                job = b.jobService().create(request, m);
            } catch (CoreException | RuntimeException e) {
                return Problems.of("Could not create the job " + request.name(), e);
            }
            try {
                org.namdrunner.app.LocalInputs.remember(b.store(), job.id(), request.inputs());
            } catch (CoreException e) {
                // only "New job from this job" misses them: it asks for the files again
                org.eclipse.core.runtime.ILog.of(Operations.class).log(e.getStatus());
            }
            if (!submit) {
                return Status.OK_STATUS;
            }
            try {
                b.jobService().submit(job.id(), m);
                return Status.OK_STATUS;
            } catch (CoreException | RuntimeException e) {
                return Problems.of("The job " + request.name() + " was created but could not be submitted", e);
            }
        });
    }

    /** Creates every stage of a chain (inputs uploaded once) and stores them; submits the chain too when asked. */
    public static BackgroundOperation createChain(Backend backend, org.namdrunner.core.lifecycle.ChainRequest request, boolean submit) {
        return of(backend, "Creating chain " + request.name(), List.of(), (b, m) -> {
            List<Job> stages;
            try {
                stages = b.jobService().chains().create(request, m);
            } catch (CoreException | RuntimeException e) {
                return Problems.of("Could not create the chain " + request.name(), e);
            }
            if (!submit) {
                return Status.OK_STATUS;
            }
            try {
                b.jobService().chains().submit(stages.get(0).id(), m);
                return Status.OK_STATUS;
            } catch (CoreException | RuntimeException e) {
                return Problems.of("The chain " + request.name() + " was created but not all of its stages could be submitted", e);
            }
        });
    }

    /** Creates every replica of a set (inputs uploaded once) and stores them; submits them too when asked. */
    public static BackgroundOperation createReplicas(Backend backend, org.namdrunner.core.lifecycle.ReplicaRequest request, boolean submit) {
        String name = request.job().name();
        return of(backend, "Creating " + request.count() + " replicas of " + name, List.of(), (b, m) -> {
            List<Job> replicas;
            try {
                replicas = b.jobService().replicas().create(request, m);
            } catch (CoreException | RuntimeException e) {
                return Problems.of("Could not create the replicas of " + name, e);
            }
            if (!submit) {
                return Status.OK_STATUS;
            }
            try {
                b.jobService().replicas().submit(replicas.get(0).replica().orElseThrow().setId(), m);
                return Status.OK_STATUS;
            } catch (CoreException | RuntimeException e) {
                return Problems.of("The replicas of " + name + " were created but not all of them could be submitted", e);
            }
        });
    }

    public static BackgroundOperation submit(Backend backend, List<Job> jobs) {
        return perJob(backend, "Submitting " + names(jobs), "Could not submit", jobs, (j, b, m) -> b.jobService().submit(j.id(), m));
    }

    /** One batched query per cluster for the selected jobs. */
    public static BackgroundOperation sync(Backend backend, List<Job> jobs) {
        return of(backend, "Synchronizing " + names(jobs), List.of(), (b, m) -> {
            Map<String, List<String>> byCluster = new LinkedHashMap<>();
            for (Job j : jobs) {
                byCluster.computeIfAbsent(j.clusterProfileId(), k -> new ArrayList<>()).add(j.id());
            }
            List<BackgroundOperation.Item> items = new ArrayList<>();
            byCluster.forEach((profileId, ids) -> items.add(new BackgroundOperation.Item(
                    "Could not synchronize the jobs on " + b.profiles().displayName(profileId), (b2, m2) -> {
                        SyncReport r = b2.jobService().syncJobs(profileId, ids, m2);
                        b2.sync().report(r);
                        if (!r.succeeded()) {
                            throw new CoreException(r.status());
                        }
                    })));
            return BackgroundOperation.forEach(b, m, "Some clusters could not be synchronized", items);
        });
    }

    /** Syncs every cluster with waiting or running jobs (through their pollers). */
    public static BackgroundOperation syncAll(Backend backend) {
        return of(backend, "Synchronizing all clusters", List.of(), (b, m) -> {
            b.sync().syncAll();
            return Status.OK_STATUS;
        });
    }

    public static BackgroundOperation cancel(Backend backend, List<Job> jobs) {
        return perJob(backend, "Cancelling " + names(jobs), "Could not cancel", jobs, (j, b, m) -> b.sync().report(b.jobService().cancel(j.id(), m)));
    }

    public static BackgroundOperation delete(Backend backend, List<Job> jobs) {
        return perJob(backend, "Deleting " + names(jobs), "Could not delete", jobs, (j, b, m) -> {
            b.jobService().delete(j.id(), m);
            b.progress().remove(j.id());
        });
    }

    /** @param downloaded told (on the job's thread) where each job's results went */
    public static BackgroundOperation download(Backend backend, List<Job> jobs, Path dir, Consumer<Path> downloaded) {
        return perJob(backend, "Downloading results of " + names(jobs), "Could not download the results of", jobs,
                (j, b, m) -> downloaded.accept(b.jobService().fetchResults(j.id(), dir, m)));
    }

    static List<String> ids(List<Job> jobs) {
        return jobs.stream().map(Job::id).toList();
    }

    static String names(List<Job> jobs) {
        if (jobs.size() == 1) {
            return jobs.get(0).name();
        }
        return jobs.size() + " jobs";
    }
}
