package org.namdrunner.namd.internal;

import org.namdrunner.core.store.TemplateStore;
import org.osgi.framework.BundleActivator;
import org.osgi.framework.BundleContext;
import org.osgi.util.tracker.ServiceTracker;

/**
 * The NAMD bundle's lifecycle, for one thing only: the tracker of the {@link TemplateStore} service is opened when
 * the bundle starts and closed when it stops (a static tracker outlived its bundle context on a restart).
 */
public final class NamdBundle implements BundleActivator {

    private static volatile ServiceTracker<TemplateStore, TemplateStore> templateStores;

    @Override
    public void start(BundleContext context) {
        ServiceTracker<TemplateStore, TemplateStore> t = new ServiceTracker<>(context, TemplateStore.class, null);
        t.open();
        templateStores = t;
    }

    @Override
    public void stop(BundleContext context) {
        ServiceTracker<TemplateStore, TemplateStore> t = templateStores;
        templateStores = null;
        if (t != null) {
            t.close();
        }
    }

    /** The template store while the bundle runs and the service is there, else null. */
    public static TemplateStore templateStore() {
        ServiceTracker<TemplateStore, TemplateStore> t = templateStores;
        return t == null ? null : t.getService();
    }
}
