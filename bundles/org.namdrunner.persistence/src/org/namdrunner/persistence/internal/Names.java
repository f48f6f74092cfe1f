package org.namdrunner.persistence.internal;

import java.util.Set;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/** Turns names and ids the prototype accepted into ones the current rules accept, keeping them recognisable. */
final class Names {

    private Names() {
    }

    /** A job name: spaces become '_', other characters outside the rules are dropped. */
    static String safeName(String name) {
        try {
            return InputRules.checkJobName(name);
        } catch (InvalidInputException e) {
            String s = cleaned(name, "[^A-Za-z0-9_.-]");
            if (s.length() > InputRules.MAX_NAME_LENGTH) {
                s = s.substring(0, InputRules.MAX_NAME_LENGTH);
            }
            return s.isEmpty() ? "job" : s;
        }
    }

    /** A job id not yet in {@code taken}; a clash gets a numbered suffix. */
    static String safeId(String id, Set<String> taken) {
        String base;
        try {
            base = InputRules.checkJobId(id);
        } catch (InvalidInputException e) {
            base = cleaned(id, "[^A-Za-z0-9_-]");
            base = base.isEmpty() ? "job" : base.substring(0, Math.min(base.length(), 56));
        }
        String candidate = base;
        for (int n = 2; taken.contains(candidate); n++) {
            candidate = base.substring(0, Math.min(base.length(), 56)) + "_" + n;
        }
        return candidate;
    }

    private static String cleaned(String text, String forbidden) {
        String s = text == null ? "" : text.strip().replaceAll("\\s+", "_").replaceAll(forbidden, "");
        return s.replaceFirst("^[._-]+", "");
    }
}
