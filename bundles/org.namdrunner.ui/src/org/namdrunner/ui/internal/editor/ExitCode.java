package org.namdrunner.ui.internal.editor;

import java.util.Map;
import java.util.Optional;

/**
 * SLURM's {@code ExitCode} ({@code code:signal}) in words: the program's exit code and the signal that ended it. An
 * exit code above 128 from a shell is 128 plus a signal number (137 = killed by signal 9), which is said too.
 *
 * @param code   the exit code of the batch script
 * @param signal the signal that ended it, 0 for none
 */
record ExitCode(int code, int signal) {

    private static final Map<Integer, String> NAMES = Map.of(1, "SIGHUP", 2, "SIGINT", 6, "SIGABRT", 9, "SIGKILL",
            11, "SIGSEGV", 13, "SIGPIPE", 15, "SIGTERM", 7, "SIGBUS", 4, "SIGILL", 8, "SIGFPE");

    static Optional<ExitCode> parse(String slurm) {
        if (slurm == null) {
            return Optional.empty();
        }
        String[] parts = slurm.strip().split(":");
        try {
            int code = Integer.parseInt(parts[0]);
            int signal = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
            return code < 0 || signal < 0 ? Optional.empty() : Optional.of(new ExitCode(code, signal));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** "1", or "137 (128 + signal 9, SIGKILL: killed, often for using too much memory)". */
    String codeText() {
        if (code > 128 && code < 160) {
            return code + " (128 + signal " + (code - 128) + ", " + signalName(code - 128) + ")";
        }
        return Integer.toString(code);
    }

    /** "none", or "9 (SIGKILL)". */
    String signalText() {
        return signal == 0 ? "none" : signal + " (" + signalName(signal) + ")";
    }

    private static String signalName(int s) {
        String name = NAMES.getOrDefault(s, "signal " + s);
        return s == 9 ? name + ": killed, often for using too much memory or time" : s == 15 ? name + ": asked to stop" : name;
    }
}
