package org.namdrunner.help.internal;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.eclipse.core.runtime.IConfigurationElement;
import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.IProduct;
import org.eclipse.core.runtime.Platform;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.core.store.StoreException;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/** Gathers a report's inputs from the running workbench; disk and database work, so from a background job. */
public final class ReportSources {

    private ReportSources() {
    }

    public static ProblemReport.Inputs fromWorkbench(SavedSecrets secrets) {
        BundleContext context = FrameworkUtil.getBundle(ReportSources.class).getBundleContext();
        List<ClusterProfile> profiles = new ArrayList<>();
        String problem = null;
        ServiceReference<ClusterProfileStore> ref = context.getServiceReference(ClusterProfileStore.class);
        if (ref == null) {
            problem = "(the job database is not open, so the saved profiles are unknown)";
        } else {
            try {
                ClusterProfileStore store = context.getService(ref);
                if (store != null) {
                    profiles.addAll(store.loadProfiles());
                }
            } catch (StoreException | RuntimeException e) {
                problem = "(the saved profiles could not be read: " + e.getMessage() + ")";
            } finally {
                context.ungetService(ref);
            }
        }
        List<String> builtIn = new ArrayList<>();
        for (IConfigurationElement e : Platform.getExtensionRegistry().getConfigurationElementsFor("org.namdrunner.core.clusterProfiles")) {
            String name = e.getAttribute("name");
            if (name != null) {
                builtIn.add(name);
            }
        }
        if (!builtIn.isEmpty()) {
            problem = (problem == null ? "" : problem + "\n") + "built in: " + String.join(", ", builtIn) + "; saved:";
        }
        IPath log = Platform.getLogFileLocation();
        return new ProblemReport.Inputs(product(), Arrays.asList(context.getBundles()), Places.current(), profiles, problem,
                log == null ? null : Path.of(log.toOSString()), new SecretScrubber(secrets.values()));
    }

    static String product() {
        IProduct p = Platform.getProduct();
        if (p == null) {
            return "(no product: started as a plain Eclipse application)";
        }
        Bundle defining = p.getDefiningBundle();
        return p.getName() + " (" + p.getId() + "), application " + p.getApplication()
                + (defining == null ? "" : ", " + defining.getSymbolicName() + " " + defining.getVersion());
    }

}
