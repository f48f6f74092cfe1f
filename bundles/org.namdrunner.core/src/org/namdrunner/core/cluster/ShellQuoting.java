package org.namdrunner.core.cluster;

import java.util.List;
import java.util.stream.Collectors;

import org.namdrunner.core.model.InvalidInputException;

/**
 * The one place where values become shell words. Every argument that reaches a remote shell is quoted
 * here with single quotes, which the POSIX shell never interprets inside; a single quote inside the value
 * is closed, escaped and reopened. NUL cannot be passed through a shell and is refused.
 */
public final class ShellQuoting {

    private ShellQuoting() {
    }

    /** One shell word that stands for exactly {@code value}. */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new InvalidInputException("argument", "A value sent to the cluster contains a NUL character.");
        }
        if (!value.isEmpty() && value.chars().allMatch(ShellQuoting::isPlain)) {
            return value;
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }

    /** A command line: the program and its arguments, each quoted. */
    public static String command(String program, List<String> args) {
        return quote(program) + (args.isEmpty() ? "" : " " + args.stream().map(ShellQuoting::quote).collect(Collectors.joining(" ")));
    }

    /** A command line from words. */
    public static String command(String program, String... args) {
        return command(program, List.of(args));
    }

    private static boolean isPlain(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '_' || c == '-' || c == '.' || c == '/' || c == ',' || c == '+' || c == '@';
    }
}
