package org.namdrunner.help.internal;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.eclipse.core.runtime.IPath;
import org.eclipse.core.runtime.Platform;
import org.eclipse.osgi.service.datalocation.Location;
import org.namdrunner.core.location.DataLocations;
import org.namdrunner.core.location.DataLocations.Place;

/**
 * The places of {@link DataLocations} for this process, where the running platform can tell better: the workspace
 * the platform actually uses and the log file it actually writes.
 */
public final class Places {

    private Places() {
    }

    public static Map<String, Place> current() {
        Map<String, Place> all = new LinkedHashMap<>(DataLocations.current().all());
        Location instance = Platform.getInstanceLocation();
        if (instance != null && instance.isSet()) {
            try {
                Path actual = Path.of(instance.getURL().toURI()).toAbsolutePath().normalize();
                Place rule = all.get("Workspace");
                if (!actual.equals(rule.path())) {
                    all.put("Workspace", new Place(actual, "set before start-up"));
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // a non-file workspace: keep the rule's answer
            }
        }
        IPath log = Platform.getLogFileLocation();
        if (log != null) {
            Path actual = Path.of(log.toOSString()).toAbsolutePath().normalize();
            if (!actual.equals(all.get("Error Log").path())) {
                all.put("Error Log", new Place(actual, "osgi.logfile"));
            }
        }
        return all;
    }
}
