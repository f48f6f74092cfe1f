package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * The input keys of a NAMD job beyond the first of each kind: a CHARMM36 system needs several parameter and
 * stream files ({@code parameters}, {@code parameters.2}, {@code parameters.3}, …, each a {@code parameters} line
 * of the config, in this order), and a CHARMM-GUI folder brings files NAMD reads through its own inputs
 * ({@code extra.1}, {@code extra.2}, …: restraints, {@code step4_*}/{@code step5_*} inputs), staged in
 * {@code input_files/} next to the others but not named in the generated config.
 */
public final class NamdInputSet {

    public static final String PARAMETERS = "parameters";
    public static final String EXTRA = "extra";
    public static final List<String> PARAMETER_EXTENSIONS = List.of("prm", "par", "str", "inp", "rtf");

    private static final Pattern NUMBERED = Pattern.compile("(parameters|extra)\\.([1-9][0-9]{0,3})");

    private NamdInputSet() {
    }

    /** The key of the n-th parameter file (n counts from 1: the first one is {@code parameters}). */
    public static String parameterKey(int n) {
        return n <= 1 ? PARAMETERS : PARAMETERS + "." + n;
    }

    /** The key of the n-th extra file (n counts from 1). */
    public static String extraKey(int n) {
        return EXTRA + "." + n;
    }

    /** True for {@code parameters.N} and {@code extra.N}: keys the job type takes beyond its declared inputs. */
    public static boolean isNumberedKey(String key) {
        return NUMBERED.matcher(key).matches();
    }

    /** The parameter file names in the job's parameters, in config order (the first, then parameters.2, .3, …). */
    public static List<String> parameterFiles(Map<String, String> parameters) {
        List<String> keys = numbered(parameters, PARAMETERS);
        List<String> out = new ArrayList<>();
        String first = parameters.get(PARAMETERS);
        if (first != null && !first.isBlank()) {
            out.add(first.strip());
        }
        for (String k : keys) {
            out.add(parameters.get(k).strip());
        }
        return out;
    }

    /** Checks every numbered file name (usable on the cluster, parameter files with a parameter extension). */
    public static void validate(Map<String, String> parameters) {
        for (Map.Entry<String, String> e : parameters.entrySet()) {
            Matcher m = NUMBERED.matcher(e.getKey());
            if (!m.matches()) {
                continue;
            }
            String name = InputRules.checkName(e.getKey(), m.group(1).equals(PARAMETERS) ? "parameter file" : "extra file",
                    e.getValue() == null ? "" : e.getValue().strip());
            if (m.group(1).equals(PARAMETERS)) {
                try {
                    InputRules.checkExtension(name, PARAMETER_EXTENSIONS);
                } catch (InvalidInputException x) {
                    throw new InvalidInputException(e.getKey(), "The parameter file " + name + ": " + x.getMessage());
                }
            }
        }
        List<String> names = new ArrayList<>(parameterFiles(parameters));
        numbered(parameters, EXTRA).forEach(k -> names.add(parameters.get(k).strip()));
        for (String k : List.of("structure", "coordinates", "restraints")) {
            String v = parameters.get(k);
            if (v != null && !v.isBlank()) {
                names.add(v.strip());
            }
        }
        List<String> seen = new ArrayList<>();
        for (String n : names) {
            if (seen.contains(n)) {
                throw new InvalidInputException(PARAMETERS, "Two input files are both named " + n
                        + "; every input file lands in input_files/, so their names must differ.");
            }
            seen.add(n);
        }
    }

    /**
     * The config with a {@code parameters} line for every parameter file after the first, placed right after the
     * template's own {@code parameters} line (or after {@code paraTypeCharmm} when there is none).
     */
    public static String withAllParameters(String config, List<String> files, String folder) {
        if (files.size() <= 1) {
            return config;
        }
        StringBuilder extra = new StringBuilder();
        for (String f : files.subList(1, files.size())) {
            extra.append("parameters         ").append(folder).append('/').append(f).append('\n');
        }
        String[] lines = config.split("\n", -1);
        int anchor = -1;
        for (int i = 0; i < lines.length; i++) {
            String l = lines[i].strip().toLowerCase(java.util.Locale.ROOT);
            if (l.startsWith("parameters ") || l.startsWith("parameters\t")) {
                anchor = i;
            } else if (anchor < 0 && l.startsWith("paratypecharmm")) {
                anchor = i;
            }
        }
        if (anchor < 0) {
            throw new InvalidInputException(PARAMETERS, "The config template has no 'parameters' line, so the "
                    + (files.size() - 1) + " further parameter files cannot be given to NAMD.");
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < lines.length; i++) {
            out.append(lines[i]);
            if (i < lines.length - 1) {
                out.append('\n');
            }
            if (i == anchor) {
                out.append(extra);
            }
        }
        return out.toString();
    }

    private static List<String> numbered(Map<String, String> parameters, String kind) {
        return parameters.keySet().stream().map(NUMBERED::matcher).filter(Matcher::matches)
                .filter(m -> m.group(1).equals(kind) && !parameters.get(m.group(0)).isBlank())
                .sorted(Comparator.comparingInt(m -> Integer.parseInt(m.group(2)))).map(m -> m.group(0)).toList();
    }
}
