package org.namdrunner.ui.internal.views;

import org.eclipse.core.runtime.IAdapterFactory;
import org.eclipse.core.runtime.ILog;
import org.namdrunner.app.Backend;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.store.JobSummary;
import org.namdrunner.core.store.StoreException;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * A Jobs view row ({@link JobSummary}) as the whole {@link Job} a handler acts on: read from the store by its id
 * (one row by primary key) when a command runs, so the view never holds whole jobs. Null when the job was deleted
 * meanwhile or the services are not there yet.
 */
public final class JobSummaryAdapterFactory implements IAdapterFactory {

    @Override
    public <T> T getAdapter(Object adaptable, Class<T> adapterType) {
        if (!(adaptable instanceof JobSummary summary) || adapterType != Job.class) {
            return null;
        }
        BundleContext context = FrameworkUtil.getBundle(JobSummaryAdapterFactory.class).getBundleContext();
        ServiceReference<Backend> ref = context == null ? null : context.getServiceReference(Backend.class);
        Backend backend = ref == null ? null : context.getService(ref);
        if (backend == null) {
            return null;
        }
        try {
            return adapterType.cast(backend.store().find(summary.id()).orElse(null));
        } catch (StoreException e) {
            ILog.of(getClass()).log(e.getStatus());
            return null;
        } finally {
            context.ungetService(ref);
        }
    }

    @Override
    public Class<?>[] getAdapterList() {
        return new Class<?>[] { Job.class };
    }
}
