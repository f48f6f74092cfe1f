package org.namdrunner.ui.internal.application;

import org.namdrunner.core.location.DataLocations;
import org.namdrunner.core.location.WorkspaceArea;

/**
 * At start: the workspace where {@link DataLocations} says, before anything reads preferences ({@code -data} wins),
 * so it follows {@code NAMDRUNNER_HOME} and {@code -Dnamdrunner.home} like the database does.
 */
final class InstanceArea {

    /** {@code -Dnamdrunner.printDataLocations=true}: print the places on standard output at start (for support and the product check). */
    static final String PRINT_PROPERTY = "namdrunner.printDataLocations";

    private InstanceArea() {
    }

    static void applyDataLocations() {
        WorkspaceArea.ensureChosen();
    }

    static void printIfAsked() {
        if (Boolean.getBoolean(PRINT_PROPERTY)) {
            DataLocations.current().all().forEach((what, place) ->
                    System.out.println("namdrunner data location: " + what + " = " + place.path() + " (" + place.setBy() + ")"));
            System.out.flush();
        }
    }
}
