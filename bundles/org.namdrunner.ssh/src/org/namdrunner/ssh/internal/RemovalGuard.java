package org.namdrunner.ssh.internal;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.InvalidInputException;

/**
 * What may be deleted on a cluster: only a path inside {@code confinedTo}, where {@code confinedTo} is deep
 * enough to be a job's own folder (never a root like /home/u or the profile's project root).
 */
public final class RemovalGuard {

    static final int MIN_SEGMENTS = 3;

    private RemovalGuard() {
    }

    public static void check(String path, String confinedTo, ClusterProfile profile) throws ClusterException {
        try {
            if (!RemotePaths.isWithin(path, confinedTo)) {
                throw ClusterException.permanent("Refused to delete " + path + ": it is outside " + confinedTo + ".");
            }
        } catch (InvalidInputException e) {
            throw ClusterException.permanent("Refused to delete '" + path + "': " + e.getMessage());
        }
        long segments = confinedTo.chars().filter(c -> c == '/').count();
        if (segments < MIN_SEGMENTS || confinedTo.equals(profile.projectsRoot()) || confinedTo.equals(profile.scratchRoot())
                || RemotePaths.isWithin(profile.projectsRoot(), confinedTo) || RemotePaths.isWithin(profile.scratchRoot(), confinedTo)) {
            throw ClusterException.permanent("Refused to delete " + path + ": " + confinedTo + " is not a job's own folder.");
        }
    }
}
