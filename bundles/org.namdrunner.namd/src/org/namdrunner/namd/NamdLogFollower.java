package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.namdrunner.core.jobtype.JobType.LogSummary;
import org.namdrunner.core.jobtype.LogFollower;
import org.namdrunner.core.jobtype.SampledSeries;

/**
 * Follows a NAMD log as it grows (fed by the app's log reader, see {@link LogFollower}): the totals from the head
 * ({@code TCL: Running for N steps}, {@code Info: NUMBER OF STEPS}, {@code Info: TIMESTEP}), the step from the last
 * {@code ENERGY:}/{@code TIMING:} line, the speed from the last {@code TIMING:} wall time per step (else
 * {@code Info: Initial/Benchmark time:}, which also gives the ETA until the first TIMING line), and the {@code ENERGY:} columns named by the {@code ETITLE:} line as
 * {@link SampledSeries} for plotting. Never throws for odd lines.
 */
public final class NamdLogFollower implements LogFollower {

    /** The ETITLE columns that are plotted, in this order (others are ignored). */
    public static final List<String> PLOTTED = List.of("TOTAL", "POTENTIAL", "KINETIC", "ELECT", "VDW", "TEMP", "PRESSURE",
            "VOLUME");
    static final int POINTS = 2000;

    private static final Pattern STEPS = Pattern.compile("^TCL: (?:Running|Minimizing) for (\\d+) steps");
    private static final Pattern TIMING = Pattern.compile(
            "^TIMING: (\\d+)\\s.*?Wall: [0-9.eE+-]+, ([0-9.eE+-]+)/step, ([0-9.eE+-]+) hours remaining");
    private static final Pattern BENCHMARK = Pattern.compile("^Info: (?:Initial|Benchmark) time: .*?([0-9.eE+-]+) s/step ([0-9.eE+-]+) days/ns");
    private static final Pattern FIRST_STEP = Pattern.compile("^Info: FIRST TIMESTEP\\s+(\\d+)");
    private static final Pattern TIMESTEP = Pattern.compile("^Info: TIMESTEP\\s+([0-9.eE+-]+)");
    private static final Pattern NUMSTEPS = Pattern.compile("^Info: NUMBER OF STEPS\\s+(\\d+)");

    private long commandSteps;
    private long numsteps;
    private long first = -1;
    private long step = -1;
    private double timestepFs;
    private double secondsPerStep;
    /** From {@code Info: Initial/Benchmark time:}, NAMD's first measure of speed (before the first TIMING line). */
    private double benchmarkSecondsPerStep;
    private double hoursLeft = -1;
    private double daysPerNs;
    private boolean ended;
    private String fatal;
    private String error;
    /** ENERGY column index → series, from the last ETITLE line. */
    private final Map<Integer, SampledSeries> columns = new LinkedHashMap<>();
    private final Map<String, SampledSeries> series = new LinkedHashMap<>();
    private final StringBuilder partial = new StringBuilder();

    @Override
    public void lines(CharSequence text) {
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                line(text, start, i);
                start = i + 1;
            }
        }
        if (start < text.length()) {
            // the reader promises whole lines; a caller that breaks it gets the rest joined to the next call
            partial.append(text, start, text.length());
        }
    }

    @Override
    public void skipped() {
        partial.setLength(0);
    }

    private void line(CharSequence text, int from, int to) {
        String line;
        if (partial.length() > 0) {
            line = partial.append(text, from, to).toString();
            partial.setLength(0);
        } else {
            line = text.subSequence(from, to).toString();
        }
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        try {
            parse(line);
        } catch (NumberFormatException e) {
            // a garbled number on one line: skip the line, keep reading
        }
    }

    private void parse(String line) {
        Matcher m;
        if (line.startsWith("ENERGY:")) {
            energy(line);
        } else if (line.startsWith("TIMING:")) {
            if ((m = TIMING.matcher(line)).find()) {
                step = Math.max(step, Long.parseLong(m.group(1)));
                secondsPerStep = Double.parseDouble(m.group(2));
                hoursLeft = Double.parseDouble(m.group(3));
            }
        } else if (line.startsWith("ETITLE:")) {
            title(line);
        } else if (line.startsWith("TCL: ")) {
            if ((m = STEPS.matcher(line)).find()) {
                commandSteps += Long.parseLong(m.group(1));
            }
        } else if (line.startsWith("Info: ")) {
            if ((m = BENCHMARK.matcher(line)).find()) {
                benchmarkSecondsPerStep = Double.parseDouble(m.group(1));
                daysPerNs = Double.parseDouble(m.group(2));
            } else if ((m = TIMESTEP.matcher(line)).find()) {
                timestepFs = Double.parseDouble(m.group(1));
            } else if ((m = NUMSTEPS.matcher(line)).find()) {
                numsteps = Long.parseLong(m.group(1));
            } else if ((m = FIRST_STEP.matcher(line)).find()) {
                first = Long.parseLong(m.group(1));
            }
        } else if (fatal == null && line.startsWith("FATAL ERROR:")) {
            fatal = line.strip();
        } else if (error == null && line.startsWith("ERROR:")) {
            error = line.strip();
        } else if (line.endsWith("End of program")) {
            ended = true;
        }
    }

    private void title(String line) {
        String[] names = line.substring("ETITLE:".length()).trim().split("\\s+");
        columns.clear();
        for (int i = 1; i < names.length; i++) {
            if (PLOTTED.contains(names[i])) {
                columns.put(i, series.computeIfAbsent(names[i], n -> new SampledSeries(n, POINTS)));
            }
        }
    }

    private void energy(String line) {
        String[] fields = line.substring("ENERGY:".length()).trim().split("\\s+");
        if (fields.length == 0 || fields[0].isEmpty()) {
            return;
        }
        long s = Long.parseLong(fields[0]);
        if (first < 0) {
            first = s;
        }
        step = Math.max(step, s);
        for (Map.Entry<Integer, SampledSeries> c : columns.entrySet()) {
            if (c.getKey() < fields.length) {
                c.getValue().add(s, Double.parseDouble(fields[c.getKey()]));
            }
        }
    }

    @Override
    public LogSummary summary() {
        long total = commandSteps > 0 ? commandSteps : numsteps;
        long origin = Math.max(0, first);
        long done = step < 0 ? 0 : Math.max(0, step - origin);
        if (ended && total > 0) {
            done = total;
        }
        double nsPerDay = secondsPerStep > 0 && timestepFs > 0 ? 86_400 / secondsPerStep * timestepFs * 1e-6
                : daysPerNs > 0 ? 1.0 / daysPerNs : 0;
        String eta = "";
        double sps = secondsPerStep > 0 ? secondsPerStep : benchmarkSecondsPerStep;
        if (!ended && total > 0 && sps > 0) {
            eta = formatHours(Math.max(0, total - done) * sps / 3600);
        } else if (!ended && hoursLeft >= 0) {
            eta = formatHours(hoursLeft);
        }
        String cause = fatal != null ? fatal : error != null ? error : "";
        return new LogSummary(Math.min(done, total > 0 ? total : done), total, nsPerDay, eta, cause);
    }

    @Override
    public List<SampledSeries> series() {
        List<SampledSeries> out = new ArrayList<>();
        for (String name : PLOTTED) {
            SampledSeries s = series.get(name);
            if (s != null && s.size() > 0) {
                out.add(s);
            }
        }
        return out;
    }

    static String formatHours(double hours) {
        long minutes = Math.round(hours * 60);
        return minutes >= 60 ? (minutes / 60) + " h " + (minutes % 60) + " min" : minutes + " min";
    }
}
