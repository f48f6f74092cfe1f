package org.namdrunner.update.internal;

import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.equinox.p2.core.IProvisioningAgent;
import org.eclipse.equinox.p2.core.ProvisionException;
import org.eclipse.equinox.p2.engine.IProfile;
import org.eclipse.equinox.p2.engine.IProfileRegistry;
import org.eclipse.equinox.p2.metadata.IInstallableUnit;
import org.eclipse.equinox.p2.operations.ProvisioningJob;
import org.eclipse.equinox.p2.operations.ProvisioningSession;
import org.eclipse.equinox.p2.operations.Update;
import org.eclipse.equinox.p2.operations.UpdateOperation;
import org.eclipse.equinox.p2.query.QueryUtil;
import org.eclipse.equinox.p2.repository.IRepositoryManager;
import org.eclipse.equinox.p2.repository.metadata.IMetadataRepositoryManager;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.BundleException;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Updates this installation in place from p2 sites, the way Help &gt; Check for Updates does (the same
 * {@link UpdateOperation} on the running profile), without a window: for scripts, administrators and the update
 * test. Arguments: {@code -repository <URI or folder>} (repeatable; without one, the sites the installation knows),
 * {@code -version} to print the installed product version and stop. Prints one line per step; exit code 0 when
 * updated or already up to date, 1 on an error (the line says why).
 */
public class HeadlessUpdateApplication implements IApplication {

    static final String PRODUCT_IU = "org.namdrunner.product";

    private final PrintStream out = System.out;

    @Override
    public Object start(IApplicationContext context) throws Exception {
        String[] args = (String[]) context.getArguments().get(IApplicationContext.APPLICATION_ARGS);
        List<URI> sites = new ArrayList<>();
        boolean versionOnly = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "-repository" -> {
                    if (i + 1 >= args.length) {
                        return fail("-repository needs a site: a URI (https:, file:, jar:) or a folder");
                    }
                    try {
                        sites.add(toUri(args[++i]));
                    } catch (URISyntaxException e) {
                        return fail("-repository " + args[i] + " is neither a URI nor a folder: " + e.getMessage());
                    }
                }
                case "-version" -> versionOnly = true;
                default -> { /* the launcher's own arguments (-data, -consoleLog, ...) pass through here */ }
            }
        }
        IProvisioningAgent agent = currentAgent();
        if (agent == null) {
            return fail("this installation has no p2 profile (eclipse.p2.data.area is not set), so it cannot update itself");
        }
        IProfileRegistry registry = agent.getService(IProfileRegistry.class);
        IProfile profile = registry == null ? null : registry.getProfile(IProfileRegistry.SELF);
        if (profile == null) {
            return fail("the p2 profile of this installation was not found; was it unpacked from a NAMDRunner archive?");
        }
        out.println("installed: " + PRODUCT_IU + " " + productVersion(profile) + " (profile " + profile.getProfileId() + ")");
        out.println("runtime: Java " + Runtime.version() + " in " + System.getProperty("java.home"));
        if (versionOnly) {
            return EXIT_OK;
        }
        return update(agent, sites, new NullProgressMonitor());
    }

    private Object update(IProvisioningAgent agent, List<URI> sites, IProgressMonitor monitor) {
        // an unreadable site must not look like "nothing to update": load each one first, and say why it failed
        IMetadataRepositoryManager repositories = agent.getService(IMetadataRepositoryManager.class);
        if (sites.isEmpty() && repositories.getKnownRepositories(IRepositoryManager.REPOSITORIES_ALL).length == 0) {
            return fail("no update site is known: add one under Window > Preferences > Install/Update > Available Software Sites, or pass -repository <site>");
        }
        for (URI site : sites) {
            try {
                repositories.loadRepository(site, monitor);
            } catch (ProvisionException e) {
                return fail("cannot read the update site " + site + ": " + e.getMessage());
            }
        }
        UpdateOperation operation = new UpdateOperation(new ProvisioningSession(agent));
        if (!sites.isEmpty()) {
            URI[] uris = sites.toArray(URI[]::new);
            operation.getProvisioningContext().setMetadataRepositories(uris);
            operation.getProvisioningContext().setArtifactRepositories(uris);
        }
        IStatus resolved = operation.resolveModal(monitor);
        if (resolved.getCode() == UpdateOperation.STATUS_NOTHING_TO_UPDATE) {
            out.println("up to date: no newer version on " + (sites.isEmpty() ? "the known sites" : sites));
            return EXIT_OK;
        }
        if (resolved.getSeverity() == IStatus.ERROR || resolved.getSeverity() == IStatus.CANCEL) {
            return fail("the update cannot be installed: " + StatusText.of(resolved));
        }
        for (Update update : operation.getPossibleUpdates()) {
            out.println("update: " + update.toUpdate.getId() + " " + update.toUpdate.getVersion() + " -> " + update.replacement.getVersion());
        }
        ProvisioningJob job = operation.getProvisioningJob(monitor);
        if (job == null) {
            return fail("p2 found updates but no way to install them: " + StatusText.of(resolved));
        }
        IStatus done = job.runModal(monitor);
        if (!done.isOK() && done.getSeverity() != IStatus.INFO) {
            return fail("installing the update failed: " + StatusText.of(done));
        }
        out.println("updated: start NAMDRunner again to use the new version");
        return EXIT_OK;
    }

    static String productVersion(IProfile profile) {
        return profile.query(QueryUtil.createIUQuery(PRODUCT_IU), null).stream()
                .map(IInstallableUnit::getVersion).map(Object::toString).findFirst().orElse("(not installed)");
    }

    private static URI toUri(String site) throws URISyntaxException {
        if (site.matches("^[a-zA-Z][a-zA-Z0-9+.-]+:.*")) {
            return new URI(site);
        }
        return java.nio.file.Path.of(site).toAbsolutePath().toUri();
    }

    private static IProvisioningAgent currentAgent() throws BundleException {
        // p2.core registers the agent of the running installation when it starts; it is lazy, so start it now
        Bundle core = FrameworkUtil.getBundle(IProvisioningAgent.class);
        if (core != null) {
            core.start(Bundle.START_TRANSIENT);
        }
        BundleContext context = FrameworkUtil.getBundle(HeadlessUpdateApplication.class).getBundleContext();
        ServiceReference<IProvisioningAgent> reference = context.getServiceReference(IProvisioningAgent.class);
        return reference == null ? null : context.getService(reference);
    }

    private Object fail(String message) {
        System.err.println("update: ERROR: " + message);
        return Integer.valueOf(1);
    }

    @Override
    public void stop() {
        // runs to completion; nothing to interrupt
    }
}
