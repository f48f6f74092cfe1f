package org.namdrunner.namd;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;

/**
 * Fills {@code {{name}}} placeholders. A placeholder without a value is an error naming it, and the result
 * never contains a placeholder.
 */
public final class TemplateRenderer {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{\\s*([A-Za-z][A-Za-z0-9_]*)\\s*}}");

    private TemplateRenderer() {
    }

    /** The names of the well-formed placeholders, in order of first use. */
    public static Set<String> placeholders(String template) {
        Set<String> names = new LinkedHashSet<>();
        Matcher m = PLACEHOLDER.matcher(template);
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    /** Refuses a text with a broken placeholder ({@code {{ bad-name }}}, a lone {@code {{}). */
    public static void checkWellFormed(String template) {
        String rest = PLACEHOLDER.matcher(template).replaceAll("");
        int at = rest.indexOf("{{");
        if (at >= 0) {
            throw new InvalidInputException("text", "The template has a malformed placeholder near '"
                    + rest.substring(at, Math.min(rest.length(), at + 30)).replace('\n', ' ') + "'; placeholders look like {{name}}.");
        }
    }

    public static String render(String template, Map<String, String> values) {
        Matcher m = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value = values.get(m.group(1));
            if (value == null) {
                throw new InvalidInputException(m.group(1), "The template needs a value for '" + m.group(1) + "'.");
            }
            if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                throw new InvalidInputException(m.group(1), "The value of '" + m.group(1) + "' must be a single line.");
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        if (out.indexOf("{{") >= 0) {
            throw new InvalidInputException("template", "The template has a malformed placeholder near '"
                    + out.substring(out.indexOf("{{"), Math.min(out.length(), out.indexOf("{{") + 30)) + "'.");
        }
        return out.toString();
    }
}
