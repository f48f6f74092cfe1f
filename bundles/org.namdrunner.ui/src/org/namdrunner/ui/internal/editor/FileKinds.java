package org.namdrunner.ui.internal.editor;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Which of a job's files are binary, so the viewer refuses them with a word on what they are. */
final class FileKinds {

    private static final Map<String, String> BINARY = Map.ofEntries(
            Map.entry("dcd", "a NAMD/CHARMM trajectory (DCD)"),
            Map.entry("coor", "NAMD binary coordinates"),
            Map.entry("vel", "NAMD binary velocities"),
            Map.entry("dvd", "a velocity trajectory"),
            Map.entry("xtc", "a compressed trajectory"),
            Map.entry("trr", "a trajectory"),
            Map.entry("bin", "a binary file"),
            Map.entry("gz", "a compressed file"),
            Map.entry("tgz", "a compressed archive"),
            Map.entry("zip", "a compressed archive"),
            Map.entry("tar", "an archive"),
            Map.entry("png", "an image"),
            Map.entry("jpg", "an image"),
            Map.entry("pdf", "a PDF document"),
            Map.entry("db", "a database"));

    private FileKinds() {
    }

    /** Why a file cannot be shown as text, from its name; empty when its name says nothing against it. */
    static Optional<String> binaryByName(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1).toLowerCase(Locale.ROOT);
        int dot = name.lastIndexOf('.');
        return dot < 0 ? Optional.empty() : Optional.ofNullable(BINARY.get(name.substring(dot + 1)));
    }

    /** Whether bytes read from a file hold a NUL, which text files do not. */
    static boolean looksBinary(byte[] bytes) {
        for (byte b : bytes) {
            if (b == 0) {
                return true;
            }
        }
        return false;
    }

    /** The sentence the viewer shows for a binary file. */
    static String refusal(String name, String what) {
        return name + " is " + what + ", not text, so it is not shown here. Download it to open it in a program that reads it (VMD, for a trajectory).";
    }
}
