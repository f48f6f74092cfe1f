package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateVariable;
import org.namdrunner.core.validation.InputRules;

/**
 * A NAMD config template and its typed variables. {@link #values} checks a person's values against the
 * variables (range, type, default) and returns the complete set for rendering. Placeholders that are not
 * variables must be input-file keys of {@link NamdJobType} ({@code structure}, {@code coordinates},
 * {@code parameters}, {@code restraints}); {@link #fromStored} refuses anything else.
 */
public record NamdTemplate(String id, String name, String description, String text, List<Variable> variables, boolean builtIn) {

    /** A typed template variable; {@code extensions} only for {@link Kind#FILE}. */
    public record Variable(String key, String label, Kind kind, double min, double max, String defaultValue, List<String> extensions) {

        public Variable {
            extensions = extensions == null ? List.of() : List.copyOf(extensions);
        }

        public Variable(String key, String label, Kind kind, double min, double max, String defaultValue) {
            this(key, label, kind, min, max, defaultValue, List.of());
        }
    }

    /** What kind of value a variable takes; {@link #word()} is its name in stored and exported templates. */
    public enum Kind {
        INTEGER("integer"), NUMBER("number"), NAME("text"), BOOLEAN("boolean"), FILE("file");

        private final String word;

        Kind(String word) {
            this.word = word;
        }

        public String word() {
            return word;
        }

        /** The kind for a type word, or an error listing the known words. */
        public static Kind ofWord(String variable, String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            throw new InvalidInputException("variables", "The variable '" + variable + "' has the unknown type '"
                    + InputRules.printable(String.valueOf(word)) + "'; known types are integer, number, text, boolean and file.");
        }
    }

    public NamdTemplate {
        variables = List.copyOf(variables);
        description = description == null ? "" : description;
    }

    public NamdTemplate(String id, String name, String text, List<Variable> variables) {
        this(id, name, "", text, variables, true);
    }

    /** Checked values for every variable, defaults filled in; booleans become {@code yes}/{@code no}. */
    public Map<String, String> values(Map<String, String> given) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Variable v : variables) {
            String raw = given.getOrDefault(v.key(), v.defaultValue());
            if (raw == null || raw.isBlank()) {
                throw new InvalidInputException(v.key(), "The " + v.label() + " is missing.");
            }
            out.put(v.key(), check(v, raw.strip()));
        }
        return out;
    }

    /** The placeholder names in the text, in order of first use. */
    public Set<String> placeholders() {
        return TemplateRenderer.placeholders(text);
    }

    /**
     * A stored (or imported) template as a NAMD template: refuses another job type, unknown variable types, numbers
     * whose default is out of range, file variables without extensions, and placeholders that are neither a variable
     * nor an input file.
     */
    public static NamdTemplate fromStored(StoredTemplate t) {
        if (!NamdJobType.ID.equals(t.jobTypeId())) {
            throw new InvalidInputException("jobType", "The template '" + t.name() + "' is for the job type '" + t.jobTypeId()
                    + "', not NAMD.");
        }
        List<Variable> vars = new ArrayList<>();
        for (TemplateVariable tv : t.variables()) {
            Kind kind = Kind.ofWord(tv.key(), tv.type());
            if (NamdJobType.inputKeys().contains(tv.key())) {
                throw new InvalidInputException("variables", "The template '" + t.name() + "' declares '" + tv.key()
                        + "', which is the name of an input file; choose another variable name.");
            }
            if (kind == Kind.FILE && tv.extensions().isEmpty()) {
                throw new InvalidInputException("variables", "The file variable '" + tv.key() + "' of template '" + t.name()
                        + "' lists no allowed extensions.");
            }
            Variable v = new Variable(tv.key(), tv.label(), kind, tv.min(), tv.max(), tv.defaultValue(), tv.extensions());
            if (!v.defaultValue().isBlank()) {
                try {
                    check(v, v.defaultValue().strip());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException("variables", "The default of variable '" + v.key() + "' in template '"
                            + t.name() + "' is not allowed: " + e.getMessage());
                }
            }
            vars.add(v);
        }
        NamdTemplate n = new NamdTemplate(t.id(), t.name(), t.description(), t.text(), vars, false);
        Set<String> declared = new LinkedHashSet<>();
        vars.forEach(v -> declared.add(v.key()));
        declared.addAll(NamdJobType.inputKeys());
        List<String> undeclared = n.placeholders().stream().filter(p -> !declared.contains(p)).toList();
        if (!undeclared.isEmpty()) {
            throw new InvalidInputException("text", "The template '" + t.name() + "' uses " + String.join(", ", undeclared.stream()
                    .map(p -> "{{" + p + "}}").toList()) + " without declaring " + (undeclared.size() == 1 ? "it" : "them")
                    + " as a variable.");
        }
        TemplateRenderer.checkWellFormed(t.text());
        return n;
    }

    /** This template as data for the store or an export file. */
    public StoredTemplate toStored() {
        List<TemplateVariable> vars = new ArrayList<>();
        for (Variable v : variables) {
            vars.add(new TemplateVariable(v.key(), v.label(), v.kind().word(), v.min(), v.max(), v.defaultValue(), v.extensions()));
        }
        return new StoredTemplate(id, name, NamdJobType.ID, description, text, vars);
    }

    static String check(Variable v, String raw) {
        switch (v.kind()) {
            case INTEGER, NUMBER -> {
                double d;
                try {
                    d = v.kind() == Kind.INTEGER ? Long.parseLong(raw) : Double.parseDouble(raw);
                } catch (NumberFormatException e) {
                    throw new InvalidInputException(v.key(), "The " + v.label() + " '" + InputRules.printable(raw) + "' is not "
                            + (v.kind() == Kind.INTEGER ? "a whole number." : "a number."));
                }
                if (Double.isNaN(d) || Double.isInfinite(d) || d < v.min() || d > v.max()) {
                    throw new InvalidInputException(v.key(), "The " + v.label() + " must be between " + fmt(v.min()) + " and "
                            + fmt(v.max()) + ", not " + InputRules.printable(raw) + ".");
                }
                return raw;
            }
            case BOOLEAN -> {
                return switch (raw.toLowerCase(Locale.ROOT)) {
                    case "true", "yes", "on", "1" -> "yes";
                    case "false", "no", "off", "0" -> "no";
                    default -> throw new InvalidInputException(v.key(), "The " + v.label() + " must be yes or no.");
                };
            }
            case FILE -> {
                InputRules.checkName(v.key(), v.label(), raw);
                try {
                    InputRules.checkExtension(raw, v.extensions());
                } catch (InvalidInputException e) {
                    throw new InvalidInputException(v.key(), "The " + v.label() + " '" + InputRules.printable(raw) + "' must end in ."
                            + String.join(", .", v.extensions()) + ".");
                }
                return JobFolders.INPUTS + "/" + raw;
            }
            default -> {
                return InputRules.checkName(v.key(), v.label(), raw);
            }
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
