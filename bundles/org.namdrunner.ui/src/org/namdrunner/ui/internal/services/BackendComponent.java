package org.namdrunner.ui.internal.services;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.internal.registry.ExtensionClusterProfiles;
import org.namdrunner.core.internal.registry.ExtensionJobTypeRegistry;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.ComponentContext;

/**
 * The DS component behind {@link Backend}. Its references arrive as {@link ServiceReference}s so that nothing
 * is created on the thread that activates the bundle (the UI thread at start-up): the services are resolved,
 * the database opened and the extension registry read in a background job.
 */
public final class BackendComponent {

    private ServiceReference<JobStore> storeRef;
    private ServiceReference<ClusterProfileStore> profileStoreRef;
    private ServiceReference<Scheduler> schedulerRef;
    private ServiceReference<ClusterConnectionProvider> connectionsRef;
    private volatile Backend backend;
    private Job starting;

    public void setStore(ServiceReference<JobStore> ref) {
        storeRef = ref;
    }

    public void setProfileStore(ServiceReference<ClusterProfileStore> ref) {
        profileStoreRef = ref;
    }

    public void setScheduler(ServiceReference<Scheduler> ref) {
        schedulerRef = ref;
    }

    public void setConnections(ServiceReference<ClusterConnectionProvider> ref) {
        connectionsRef = ref;
    }

    public void activate(ComponentContext context) {
        starting = Job.create("Opening the job database", (org.eclipse.core.runtime.jobs.IJobFunction) monitor -> start(context, monitor));
        starting.setSystem(true);
        starting.schedule();
    }

    private IStatus start(ComponentContext context, IProgressMonitor monitor) {
        try {
            JobStore store = context.locateService("store", storeRef);
            ClusterProfileStore profileStore = profileStoreRef == null ? null : context.locateService("profileStore", profileStoreRef);
            Scheduler scheduler = context.locateService("scheduler", schedulerRef);
            ClusterConnectionProvider connections = context.locateService("connections", connectionsRef);
            if (store == null || scheduler == null || connections == null) {
                return Status.error("NAMDRunner could not start its job store, scheduler or SSH services; see the Error Log.");
            }
            List<ClusterProfile> builtIn = new ExtensionClusterProfiles(Platform.getExtensionRegistry(), LocalUser.name()).all();
            Profiles profiles = new Profiles(builtIn, profileStore);
            profiles.reload();
            Backend b = new Backend(store, scheduler, connections, new ExtensionJobTypeRegistry(Platform.getExtensionRegistry()),
                    profiles);
            backend = b;
            Backend.publish(b);
            return Status.OK_STATUS;
        } catch (StoreException e) {
            return Status.error("NAMDRunner could not read its job database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return Status.error("NAMDRunner could not start: " + e.getMessage(), e);
        }
    }

    public void deactivate() {
        if (starting != null) {
            starting.cancel();
        }
        Backend b = backend;
        if (b != null) {
            Backend.withdraw(b);
            b.sync().stop();
            b.progress().clear();
        }
    }
}
