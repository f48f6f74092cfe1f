package org.namdrunner.core.cluster;

/**
 * What a remote command produced.
 *
 * @param command  the command line as sent
 * @param exitCode the exit status
 * @param stdout   standard output (UTF-8)
 * @param stderr   standard error (UTF-8)
 */
public record ExecResult(String command, int exitCode, String stdout, String stderr) {

    public ExecResult {
        stdout = stdout == null ? "" : stdout;
        stderr = stderr == null ? "" : stderr;
    }

    public boolean succeeded() {
        return exitCode == 0;
    }
}
