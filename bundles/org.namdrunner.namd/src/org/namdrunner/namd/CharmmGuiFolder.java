package org.namdrunner.namd;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.namdrunner.core.model.InvalidInputException;

/**
 * A CHARMM-GUI {@code namd/} folder read as it is: the structure ({@code step3_input.psf}, else the one .psf),
 * the coordinates ({@code step3_input.pdb}, else the one .pdb), the parameter and stream files (the
 * {@code parameters} lines of the first {@code step4_*.inp}, in their order, else every parameter file of
 * {@code toppar/}, {@code par_*} before {@code toppar_*}), the files its inputs read (the {@code step4_*}/
 * {@code step5_*} inputs, {@code restraints/}, {@code toppar.str}, a .crd, {@code sysinfo.dat}) and the box
 * edges ({@code set a/b/c} of the step4 input, else the PDB's CRYST1 record). Every file is checked readable
 * here, so a person learns of a missing one when choosing the folder.
 */
public final class CharmmGuiFolder {

    /** What was found; {@link #inputs()} gives the job's input keys. */
    public record System(Path folder, Path structure, Path coordinates, List<Path> parameters, List<Path> extras,
            Optional<double[]> box, CharmmGuiRestraints.Found restraints) {

        /** Input key → local file ({@code structure}, {@code coordinates}, {@code parameters}, {@code parameters.2}, …, {@code extra.1}, …). */
        public Map<String, Path> inputs() {
            Map<String, Path> out = new LinkedHashMap<>();
            out.put("structure", structure);
            out.put("coordinates", coordinates);
            for (int i = 0; i < parameters.size(); i++) {
                out.put(NamdInputSet.parameterKey(i + 1), parameters.get(i));
            }
            for (int i = 0; i < extras.size(); i++) {
                out.put(NamdInputSet.extraKey(i + 1), extras.get(i));
            }
            return out;
        }

        /** The box as the explicit-solvent template's variables (cellX/Y/Z), empty when the folder gives none. */
        public Map<String, String> boxParameters() {
            Map<String, String> out = new LinkedHashMap<>();
            box.ifPresent(b -> {
                out.put("cellX", fmt(b[0]));
                out.put("cellY", fmt(b[1]));
                out.put("cellZ", fmt(b[2]));
            });
            return out;
        }
    }

    private static final Pattern PARAMETERS_LINE = Pattern.compile("(?i)^\\s*parameters\\s+([^\\s;#]+)");
    private static final Pattern SET_EDGE = Pattern.compile("(?i)^\\s*set\\s+([abc])\\s+([0-9]+(?:\\.[0-9]*)?)\\s*;?");

    private CharmmGuiFolder() {
    }

    public static System read(Path folder) {
        if (!Files.isDirectory(folder)) {
            throw new InvalidInputException("folder", "The CHARMM-GUI folder " + folder + " does not exist or is not a folder.");
        }
        Path psf = pick(folder, "step3_input.psf", ".psf", "structure (PSF)");
        Path pdb = pick(folder, "step3_input.pdb", ".pdb", "coordinates (PDB)");
        List<Path> steps = list(folder).filter(p -> name(p).matches("step[45][^/]*\\.inp")).sorted(byName()).toList();
        Optional<Path> step4 = steps.stream().filter(p -> name(p).startsWith("step4")).findFirst();
        List<String> step4Lines = step4.map(CharmmGuiFolder::lines).orElse(List.of());
        List<Path> params = new ArrayList<>();
        if (step4.isPresent()) {
            for (String line : step4Lines) {
                Matcher m = PARAMETERS_LINE.matcher(line);
                if (m.find()) {
                    Path p = folder.resolve(m.group(1)).normalize();
                    if (!p.startsWith(folder.normalize())) {
                        throw new InvalidInputException("parameters", name(step4.get()) + " names the parameter file " + m.group(1)
                                + ", which lies outside the folder.");
                    }
                    params.add(readable(p, "parameter file " + m.group(1) + " (named in " + name(step4.get()) + ")"));
                }
            }
        }
        Path toppar = folder.resolve("toppar");
        if (params.isEmpty() && Files.isDirectory(toppar)) {
            list(toppar).filter(p -> NamdInputSet.PARAMETER_EXTENSIONS.contains(extension(p)))
                    .sorted(Comparator.comparing((Path p) -> name(p).startsWith("par") ? 0 : 1).thenComparing(CharmmGuiFolder::name))
                    .forEach(p -> params.add(readable(p, "parameter file toppar/" + name(p))));
        }
        if (params.isEmpty()) {
            throw new InvalidInputException("parameters", "The folder " + folder + " has no parameter files: neither "
                    + "'parameters' lines in a step4 input nor .prm/.str files in toppar/.");
        }
        List<Path> extras = new ArrayList<>(steps);
        for (String n : List.of("toppar.str", "sysinfo.dat", "step3_input.crd")) {
            if (Files.exists(folder.resolve(n))) {
                extras.add(readable(folder.resolve(n), n));
            }
        }
        Path restraints = folder.resolve("restraints");
        if (Files.isDirectory(restraints)) {
            list(restraints).sorted(byName())
                    .forEach(p -> extras.add(readable(p, "restraint file restraints/" + name(p))));
        }
        Optional<double[]> box = boxFromSet(step4Lines).or(() -> boxFromCryst1(pdb));
        Map<Path, String> staged = new HashMap<>();
        extras.forEach(p -> staged.put(p.normalize(), name(p)));
        CharmmGuiRestraints.Found step4Restraints = step4.map(s -> CharmmGuiRestraints.fromStep4(name(s), step4Lines, folder.normalize(),
                staged)).orElse(CharmmGuiRestraints.Found.NONE);
        return new System(folder, psf, pdb, List.copyOf(params), List.copyOf(extras), box, step4Restraints);
    }

    private static Path pick(Path folder, String usual, String ext, String what) {
        Path p = folder.resolve(usual);
        if (Files.exists(p)) {
            return readable(p, what + " file " + usual);
        }
        List<Path> found = list(folder).filter(f -> name(f).toLowerCase(Locale.ROOT).endsWith(ext)).toList();
        if (found.size() != 1) {
            throw new InvalidInputException(ext.substring(1), "The folder " + folder + " has " + (found.isEmpty() ? "no" : found.size())
                    + " " + ext + " files and no " + usual + "; choose the " + what + " file yourself.");
        }
        return readable(found.get(0), what + " file " + name(found.get(0)));
    }

    /** The file, or a refusal naming it when it is missing or cannot be read. */
    public static Path readable(Path p, String what) {
        if (!Files.exists(p)) {
            throw new InvalidInputException("file", "The " + what + " is missing: " + p + " does not exist.");
        }
        if (!Files.isRegularFile(p) || !Files.isReadable(p)) {
            throw new InvalidInputException("file", "The " + what + " cannot be read: " + p + " is not a readable file.");
        }
        return p;
    }

    private static Optional<double[]> boxFromSet(List<String> step4Lines) {
        double[] b = new double[3];
        int found = 0;
        for (String line : step4Lines) {
            Matcher m = SET_EDGE.matcher(line);
            if (m.find()) {
                b["abc".indexOf(m.group(1).toLowerCase(Locale.ROOT))] = Double.parseDouble(m.group(2));
                found++;
            }
        }
        return found >= 3 && b[0] > 0 && b[1] > 0 && b[2] > 0 ? Optional.of(b) : Optional.empty();
    }

    private static Optional<double[]> boxFromCryst1(Path pdb) {
        for (String line : lines(pdb)) {
            if (line.startsWith("CRYST1") && line.length() >= 33) {
                try {
                    double[] b = { Double.parseDouble(line.substring(6, 15).strip()), Double.parseDouble(line.substring(15, 24).strip()),
                            Double.parseDouble(line.substring(24, 33).strip()) };
                    return b[0] > 1 && b[1] > 1 && b[2] > 1 ? Optional.of(b) : Optional.empty();
                } catch (NumberFormatException e) {
                    return Optional.empty();
                }
            }
            if (line.startsWith("ATOM")) {
                break;
            }
        }
        return Optional.empty();
    }

    private static List<String> lines(Path p) {
        try (Stream<String> s = Files.lines(p, StandardCharsets.ISO_8859_1)) {
            return s.limit(5000).toList();
        } catch (IOException e) {
            throw new InvalidInputException("file", "The file " + p + " cannot be read: " + e.getMessage());
        }
    }

    private static Stream<Path> list(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.toList().stream();
        } catch (IOException e) {
            throw new InvalidInputException("folder", "The folder " + dir + " cannot be read: " + e.getMessage());
        }
    }

    private static Comparator<Path> byName() {
        return Comparator.comparing(CharmmGuiFolder::name);
    }

    private static String name(Path p) {
        return p.getFileName().toString();
    }

    private static String extension(Path p) {
        String n = name(p);
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String fmt(double d) {
        return d == Math.rint(d) ? Long.toString((long) d) : Double.toString(d);
    }
}
