package org.namdrunner.core.cluster;

/**
 * The one place where a profile's command prefix meets a command. With a prefix (e.g.
 * {@code source /etc/profile && module load slurm/alpine}) the command runs in a login shell, because
 * {@code module} is a login-shell function: {@code bash -lc '<prefix> && echo M && echo M >&2 && <command>'}.
 * Login shells print banners, motd-like {@code echo}s of profile scripts and Lmod chatter before the command
 * runs; the marker line {@code M} ({@value #MARKER}) on both streams tells where the command's own output
 * starts, and {@link #commandOutput} drops everything before it. Without a prefix the marker is written too, as
 * a {@code .bashrc} may print even for a non-interactive command.
 */
public final class LoginShell {

    /** Printed on stdout and stderr right before the command; what came before it is the shell's, not the command's. */
    public static final String MARKER = "::namdrunner-output::";

    private LoginShell() {
    }

    /** The line to send for {@code command} (already quoted word by word) under {@code prefix} (may be empty). */
    public static String commandLine(String prefix, String command) {
        String marked = "echo " + MARKER + " && echo " + MARKER + " >&2 && " + command;
        String p = prefix == null ? "" : prefix.strip();
        return p.isEmpty() ? marked : "bash -lc " + ShellQuoting.quote(p + " && " + marked);
    }

    /**
     * The command's own output: each stream from the line after its marker. A stream without a marker (the prefix
     * failed before the command ran, or the result did not come from {@link #commandLine}) is kept whole, so the
     * reason a prefix failed still reaches the person.
     */
    public static ExecResult commandOutput(ExecResult result) {
        return new ExecResult(result.command(), result.exitCode(), afterMarker(result.stdout()), afterMarker(result.stderr()));
    }

    /** Whether the command itself ran, i.e. the prefix succeeded (the marker reached stdout). */
    public static boolean commandRan(ExecResult result) {
        return markerEnd(result.stdout()) >= 0;
    }

    private static String afterMarker(String text) {
        int end = markerEnd(text);
        return end < 0 ? text : text.substring(end);
    }

    /** The index after the first line that is exactly the marker, or -1. */
    private static int markerEnd(String text) {
        int from = 0;
        while (true) {
            int i = text.indexOf(MARKER, from);
            if (i < 0) {
                return -1;
            }
            boolean lineStart = i == 0 || text.charAt(i - 1) == '\n';
            int end = i + MARKER.length();
            if (end < text.length() && text.charAt(end) == '\r') {
                end++;
            }
            boolean lineEnd = end == text.length() || text.charAt(end) == '\n';
            if (lineStart && lineEnd) {
                return end == text.length() ? end : end + 1;
            }
            from = i + 1;
        }
    }
}
