package org.namdrunner.core.cluster;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * Remote (POSIX) paths: checked, joined and confined. Every path that reaches a cluster passes through
 * here, so the rules live in one place.
 */
public final class RemotePaths {

    private RemotePaths() {
    }

    /**
     * An absolute, normalized remote path with only safe characters: no {@code ..}, no {@code //}, no
     * trailing slash (except "/" itself, which is refused as a job root anyway).
     */
    public static String checkAbsolute(String field, String path) {
        if (path == null || path.isEmpty()) {
            throw new InvalidInputException(field, "The remote folder is empty.");
        }
        if (!path.startsWith("/")) {
            throw new InvalidInputException(field, "The remote folder '" + InputRules.printable(path)
                    + "' must be absolute (start with '/').");
        }
        if (path.equals("/")) {
            throw new InvalidInputException(field, "The remote folder must not be the root folder '/'.");
        }
        if (path.length() > InputRules.MAX_PATH_LENGTH) {
            throw new InvalidInputException(field, "The remote folder is longer than " + InputRules.MAX_PATH_LENGTH + " characters.");
        }
        InputRules.checkPathParts(field, "The remote folder '" + InputRules.printable(path) + "'", path.substring(1), "");
        return path;
    }

    /** Joins an absolute base with relative parts, checking every part. */
    public static String join(String base, String... parts) {
        StringBuilder sb = new StringBuilder(checkAbsolute("path", base));
        for (String p : parts) {
            sb.append('/').append(InputRules.checkRelativePath(p));
        }
        return sb.toString();
    }

    /**
     * True when {@code path} is {@code root} itself or lies below it. Both must be checked absolute paths;
     * since they contain no {@code ..} or {@code //}, a prefix test on whole segments is exact.
     */
    public static boolean isWithin(String path, String root) {
        checkAbsolute("path", path);
        checkAbsolute("root", root);
        return path.equals(root) || path.startsWith(root + "/");
    }
}
