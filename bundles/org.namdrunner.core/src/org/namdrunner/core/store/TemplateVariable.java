package org.namdrunner.core.store;

import java.util.List;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * One declared variable of a stored template, as data: the job type decides what its {@code type} word means
 * (NAMD: {@code integer}, {@code number}, {@code text}, {@code boolean}, {@code file}).
 *
 * @param key          the placeholder name, {@code {{key}}} in the text
 * @param label        what a form shows
 * @param type         the kind of value, a lower-case word
 * @param min          the smallest allowed number (numbers only; otherwise 0)
 * @param max          the largest allowed number (numbers only; otherwise 0)
 * @param defaultValue the default, may be empty
 * @param extensions   allowed file extensions without the dot (files only; otherwise empty)
 */
public record TemplateVariable(String key, String label, String type, double min, double max, String defaultValue,
        List<String> extensions) {

    private static final Pattern KEY = Pattern.compile("[A-Za-z][A-Za-z0-9_]{0,63}");
    private static final Pattern TYPE = Pattern.compile("[a-z]{1,20}");

    public TemplateVariable {
        if (key == null || !KEY.matcher(key).matches()) {
            throw new InvalidInputException("variables", "The variable name '" + InputRules.printable(String.valueOf(key))
                    + "' must start with a letter and use only letters, digits and '_' (at most 64).");
        }
        label = label == null || label.isBlank() ? key : label.strip();
        if (label.length() > 200 || label.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InvalidInputException("variables", "The label of variable '" + key + "' must be one line of at most 200 characters.");
        }
        if (type == null || !TYPE.matcher(type).matches()) {
            throw new InvalidInputException("variables", "The variable '" + key + "' has no type (or '"
                    + InputRules.printable(String.valueOf(type)) + "' is not a type word).");
        }
        if (Double.isNaN(min) || Double.isNaN(max) || min > max) {
            throw new InvalidInputException("variables", "The variable '" + key + "' has a minimum above its maximum.");
        }
        defaultValue = defaultValue == null ? "" : defaultValue;
        if (defaultValue.indexOf('\n') >= 0 || defaultValue.indexOf('\r') >= 0) {
            throw new InvalidInputException("variables", "The default of variable '" + key + "' must be a single line.");
        }
        extensions = extensions == null ? List.of() : List.copyOf(extensions);
    }
}
