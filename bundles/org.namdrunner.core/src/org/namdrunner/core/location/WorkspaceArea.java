package org.namdrunner.core.location;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.framework.log.FrameworkLog;
import org.eclipse.osgi.service.datalocation.Location;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;

/**
 * Puts the workspace (Eclipse's instance location) where {@link DataLocations} says when nothing chose it yet
 * ({@code -data} wins): the product starts with {@code osgi.instance.area=@noDefault}. Called by the application
 * first thing, and by whoever reads an instance preference before it (the job store opens its database from a
 * background job that may run before the application's start), so the first one chooses, by the same rule.
 */
public final class WorkspaceArea {

    private WorkspaceArea() {
    }

    /** Chooses the workspace if it is not chosen yet; does nothing outside a running Eclipse platform. */
    public static synchronized void ensureChosen() {
        Location instance;
        try {
            instance = Platform.getInstanceLocation();
        } catch (RuntimeException | LinkageError e) {
            return;
        }
        if (instance == null || instance.isReadOnly() || instance.isSet()) {
            return;
        }
        DataLocations.Place rule = DataLocations.current().workspace();
        Path wanted = rule.path();
        try {
            Files.createDirectories(wanted);
            System.setProperty(DataLocations.WORKSPACE_SET_BY_PROPERTY, rule.setBy());
            instance.set(wanted.toUri().toURL(), false);
            moveLogInto(wanted);
        } catch (IOException | IllegalStateException e) {
            ILog.of(WorkspaceArea.class).log(Status.error("The workspace folder " + wanted + " cannot be used: "
                    + e.getMessage() + ". Check that the data folder can be written, or start with -data <folder>.", e));
        }
    }

    /**
     * The platform opened its log before there was a workspace (in the configuration folder); from now on it writes
     * to {@code <workspace>/.metadata/.log}, where the Error Log view and Report a Problem read it. A log file
     * chosen with {@code -Dosgi.logfile} stays where it is.
     */
    private static void moveLogInto(Path workspace) throws IOException {
        Location configuration = Platform.getConfigurationLocation();
        Bundle bundle = FrameworkUtil.getBundle(WorkspaceArea.class);
        BundleContext context = bundle == null ? null : bundle.getBundleContext();
        if (configuration == null || context == null || !"file".equals(configuration.getURL().getProtocol())) {
            return;
        }
        Path configFolder = Path.of(configuration.getURL().getPath()).toAbsolutePath().normalize();
        Path target = workspace.resolve(".metadata").resolve(".log");
        try {
            for (ServiceReference<FrameworkLog> ref : context.getServiceReferences(FrameworkLog.class, null)) {
                if ("true".equals(String.valueOf(ref.getProperty("performance")))) {
                    continue;
                }
                FrameworkLog log = context.getService(ref);
                try {
                    if (log != null && (log.getFile() == null
                            || log.getFile().toPath().toAbsolutePath().normalize().startsWith(configFolder))) {
                        Files.createDirectories(target.getParent());
                        log.setFile(target.toFile(), true);
                        System.setProperty("osgi.logfile", target.toString());
                    }
                } finally {
                    context.ungetService(ref);
                }
            }
        } catch (InvalidSyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
