package org.namdrunner.namd.ui.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.TemplateVariable;
import org.namdrunner.namd.NamdTemplate;

/**
 * The variables of a template as editable lines, one per variable:
 * {@code key; type; label; min; max; default; extensions} (extensions separated by commas; empty fields allowed),
 * e.g. {@code temperature; number; temperature (K); 0; 1000; 310;}.
 */
final class VariableLines {

    static final String HINT = "one variable per line: key; type (integer, number, text, boolean, file); label; min; max; default; "
            + "file extensions";

    private VariableLines() {
    }

    static String format(NamdTemplate t) {
        StringBuilder sb = new StringBuilder();
        for (NamdTemplate.Variable v : t.variables()) {
            boolean numeric = v.kind() == NamdTemplate.Kind.INTEGER || v.kind() == NamdTemplate.Kind.NUMBER;
            sb.append(v.key()).append("; ").append(v.kind().word()).append("; ").append(v.label()).append("; ")
                    .append(numeric ? fmt(v.min()) : "").append("; ").append(numeric ? fmt(v.max()) : "").append("; ")
                    .append(v.defaultValue()).append("; ").append(String.join(",", v.extensions())).append('\n');
        }
        return sb.toString();
    }

    static List<TemplateVariable> parse(String text) {
        List<TemplateVariable> out = new ArrayList<>();
        int n = 0;
        for (String line : text.split("\\R")) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = Arrays.copyOf(line.split(";", -1), 7);
            for (int i = 0; i < f.length; i++) {
                f[i] = f[i] == null ? "" : f[i].strip();
            }
            try {
                List<String> ext = f[6].isEmpty() ? List.of() : Arrays.stream(f[6].split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
                out.add(new TemplateVariable(f[0], f[2], f[1], number(f[3], f[0], "min"), number(f[4], f[0], "max"), f[5], ext));
            } catch (InvalidInputException e) {
                throw new InvalidInputException("variables", "Variables, line " + n + ": " + e.getMessage());
            }
        }
        return out;
    }

    private static double number(String s, String key, String what) {
        if (s.isEmpty()) {
            return 0;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("variables", "the " + what + " of '" + key + "' is not a number: '" + s + "'.");
        }
    }

    private static String fmt(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }
}
