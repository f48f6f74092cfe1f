package org.namdrunner.app.internal;

import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.namdrunner.app.Backend;
import org.namdrunner.app.Profiles;
import org.namdrunner.app.SyncPreferences;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfileRegistry;
import org.namdrunner.core.jobtype.JobTypeRegistry;
import org.namdrunner.core.scheduler.Scheduler;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.ComponentContext;

/**
 * The DS component that offers {@link Backend} as an OSGi service. Its references arrive as
 * {@link ServiceReference}s so that nothing is created on the thread that activates the bundle (the UI thread at
 * start-up): the services are resolved, the database opened and the extension registry read in a background job,
 * which then registers the backend. Deactivation withdraws the service and stops the background sync.
 */
public final class BackendComponent {

    private ServiceReference<JobStore> storeRef;
    private ServiceReference<ClusterProfileStore> profileStoreRef;
    private ServiceReference<Scheduler> schedulerRef;
    private ServiceReference<ClusterConnectionProvider> connectionsRef;
    private final Object lock = new Object();
    private Backend backend;
    private ServiceRegistration<Backend> registration;
    private boolean active;
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
        synchronized (lock) {
            active = true;
        }
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
            migratePreferences();
            List<ClusterProfile> builtIn = ClusterProfileRegistry.fromExtensions(Platform.getExtensionRegistry(), LocalUser.name()).all();
            Profiles profiles = new Profiles(builtIn, profileStore);
            profiles.reload();
            Backend b = new Backend(store, scheduler, connections, JobTypeRegistry.fromExtensions(Platform.getExtensionRegistry()),
                    profiles);
            synchronized (lock) {
                if (!active) {
                    return Status.CANCEL_STATUS;
                }
                backend = b;
                registration = context.getBundleContext().registerService(Backend.class, b, null);
            }
            return Status.OK_STATUS;
        } catch (StoreException e) {
            return Status.error("NAMDRunner could not read its job database: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            return Status.error("NAMDRunner could not start: " + e.getMessage(), e);
        }
    }

    /** Settings of NAMDRunner 0.1 were kept under the workbench bundle's id. */
    private static void migratePreferences() {
        try {
            SyncPreferences.migrateFrom("org.namdrunner.ui");
        } catch (org.osgi.service.prefs.BackingStoreException e) {
            org.eclipse.core.runtime.ILog.of(BackendComponent.class).warn("The sync settings of an earlier NAMDRunner could not be moved: "
                    + e.getMessage(), e);
        }
    }

    public void deactivate() {
        if (starting != null) {
            starting.cancel();
        }
        Backend b;
        synchronized (lock) {
            active = false;
            b = backend;
            backend = null;
            if (registration != null) {
                registration.unregister();
                registration = null;
            }
        }
        if (b != null) {
            b.sync().stop();
            b.progress().clear();
        }
    }
}
