package org.namdrunner.ui.internal.application;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.osgi.service.datalocation.Location;
import org.namdrunner.core.location.DataLocations;

/**
 * Puts the workspace where {@link DataLocations} says, before anything reads preferences: {@code -data} when given,
 * else {@code <data folder>/workspace}, so the workspace follows {@code NAMDRUNNER_HOME} and
 * {@code -Dnamdrunner.home} like the database does.
 */
final class InstanceArea {

    /** {@code -Dnamdrunner.printDataLocations=true}: print the places on standard output at start (for support and the product check). */
    static final String PRINT_PROPERTY = "namdrunner.printDataLocations";

    private InstanceArea() {
    }

    static void printIfAsked() {
        if (Boolean.getBoolean(PRINT_PROPERTY)) {
            DataLocations.current().all().forEach((what, place) ->
                    System.out.println("namdrunner data location: " + what + " = " + place.path() + " (" + place.setBy() + ")"));
            System.out.flush();
        }
    }

    static void applyDataLocations() {
        Location instance = Platform.getInstanceLocation();
        if (instance == null || instance.isReadOnly()) {
            return;
        }
        Path wanted = DataLocations.current().workspace().path();
        if (instance.isSet()) {
            Path actual = Path.of(instance.getURL().getPath()).toAbsolutePath().normalize();
            if (!actual.equals(wanted)) {
                ILog.of(InstanceArea.class).log(Status.warning("The workspace is " + actual + ", not " + wanted
                        + " as the data folder rule says: it was fixed before NAMDRunner started (by -data or osgi.instance.area.default)."));
            }
            return;
        }
        try {
            Files.createDirectories(wanted);
            instance.set(wanted.toUri().toURL(), false);
        } catch (IOException | IllegalStateException e) {
            ILog.of(InstanceArea.class).log(Status.error("The workspace folder " + wanted + " cannot be used: "
                    + e.getMessage() + ". Check that the data folder can be written, or start with -data <folder>.", e));
        }
    }
}
