package org.namdrunner.persistence.internal;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/** Turns a name the prototype accepted into one the current rules accept, keeping it recognisable. */
final class Names {

    private Names() {
    }

    static String safe(String name) {
        try {
            return InputRules.checkJobName(name);
        } catch (InvalidInputException e) {
            String s = name == null ? "" : name.strip().replaceAll("\\s+", "_").replaceAll("[^A-Za-z0-9_.-]", "");
            s = s.replaceFirst("^[._-]+", "");
            if (s.length() > InputRules.MAX_NAME_LENGTH) {
                s = s.substring(0, InputRules.MAX_NAME_LENGTH);
            }
            return s.isEmpty() ? "job" : s;
        }
    }
}
