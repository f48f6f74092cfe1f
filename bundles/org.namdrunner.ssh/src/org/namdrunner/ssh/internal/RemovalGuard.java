package org.namdrunner.ssh.internal;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.InvalidInputException;

/**
 * What may be deleted on a cluster: only a path inside {@code confinedTo}, where {@code confinedTo} is deep
 * enough to be one job's own folder. Refused (PERMANENT, nothing removed): a path outside it; a
 * {@code confinedTo} with fewer than {@value #MIN_SEGMENTS} segments (e.g. /home/u); one that is, or contains,
 * a profile root; and, inside a profile root, anything that is not below {@code <root>/namdrunner_jobs/<job>}
 * (so the folder of all jobs is never a target).
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
            throw ClusterException.permanent("Refused to delete '" + printable(path) + "': " + e.getMessage());
        }
        long segments = confinedTo.chars().filter(c -> c == '/').count();
        boolean refused = segments < MIN_SEGMENTS;
        for (String root : new String[] { profile.projectsRoot(), profile.scratchRoot() }) {
            if (RemotePaths.isWithin(root, confinedTo)) {
                refused = true; // the root itself or one of its parents
            } else if (RemotePaths.isWithin(confinedTo, root)) {
                String jobs = RemotePaths.join(root, ClusterProfile.JOBS_FOLDER);
                refused |= !confinedTo.startsWith(jobs + "/");
            }
        }
        if (refused) {
            throw ClusterException.permanent("Refused to delete " + path + ": " + confinedTo + " is not a job's own folder.");
        }
    }

    private static String printable(String s) {
        return s == null ? "" : org.namdrunner.core.validation.InputRules.printable(s);
    }
}
