package org.namdrunner.core.store;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * A config template a person added, edited or imported, kept in the store. The job type checks what the
 * text and variable types mean; this record only holds what every template needs.
 *
 * @param id          a stable id (letters, digits, '.', '_', '-')
 * @param name        the name shown in lists, unique among templates (case ignored)
 * @param jobTypeId   the job type it belongs to, e.g. {@code namd}
 * @param description free text, may be empty
 * @param text        the template text with {@code {{key}}} placeholders
 * @param variables   its declared variables, names unique
 */
public record StoredTemplate(String id, String name, String jobTypeId, String description, String text,
        List<TemplateVariable> variables) {

    public static final int MAX_TEXT_CHARS = 200_000;
    public static final int MAX_NAME_CHARS = 100;

    public StoredTemplate {
        InputRules.checkName("id", "template id", id);
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "The template name is empty.");
        }
        name = name.strip();
        if (name.length() > MAX_NAME_CHARS || name.chars().anyMatch(ch -> ch < 0x20)) {
            throw new InvalidInputException("name", "The template name must be one line of at most " + MAX_NAME_CHARS + " characters.");
        }
        InputRules.checkName("jobTypeId", "job type", jobTypeId);
        description = description == null ? "" : description.strip();
        if (description.length() > 2000) {
            throw new InvalidInputException("description", "The description of template '" + name + "' is longer than 2000 characters.");
        }
        if (text == null || text.isBlank()) {
            throw new InvalidInputException("text", "The template '" + name + "' has no text.");
        }
        if (text.length() > MAX_TEXT_CHARS) {
            throw new InvalidInputException("text", "The template '" + name + "' is longer than " + MAX_TEXT_CHARS + " characters.");
        }
        variables = variables == null ? List.of() : List.copyOf(variables);
        Set<String> keys = new HashSet<>();
        for (TemplateVariable v : variables) {
            if (!keys.add(v.key())) {
                throw new InvalidInputException("variables", "The template '" + name + "' declares the variable '" + v.key() + "' twice.");
            }
        }
    }
}
