package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.core.lifecycle.ChainStage;
import org.namdrunner.core.lifecycle.JobChains;
import org.namdrunner.core.model.InvalidInputException;

/**
 * The built-in multi-stage protocols, as the stages of a chain (core's {@code JobChains}): each stage is the job's
 * template with its own steps, timestep and output name; every stage after the first starts from the files the one
 * before it left (NamdJobType.stageStart).
 * <ul>
 * <li>{@link #MIN_EQUIL_PROD}: {@code minimization} → {@code equilibration1} … {@code equilibrationN} → {@code production};</li>
 * <li>{@link #CHARMM_GUI}: shaped like CHARMM-GUI's NAMD inputs: {@code step4_minimization} and
 * {@code step4_equilibration} (1 fs, as CHARMM-GUI's step4) → {@code step5_production} (2 fs).</li>
 * </ul>
 */
public final class NamdProtocols {

    public static final String MIN_EQUIL_PROD = "min-equil-prod";
    public static final String CHARMM_GUI = "charmm-gui";

    /** A protocol for a list: its id and name. */
    public record Protocol(String id, String name, String description) {
    }

    /**
     * How long each part runs.
     *
     * @param minimizeSteps      minimization steps of the first stage
     * @param equilibrationSteps dynamics steps of each equilibration stage (one stage per entry)
     * @param productionSteps    dynamics steps of the production stage
     * @param continueOnTimeout  the production is continued from its restart files by the sync whenever it runs out of
     *                           walltime, until its steps are done ("continue until")
     */
    public record Lengths(long minimizeSteps, List<Long> equilibrationSteps, long productionSteps, boolean continueOnTimeout) {
        public Lengths {
            equilibrationSteps = List.copyOf(equilibrationSteps);
            if (minimizeSteps < 1) {
                throw new InvalidInputException("minimizeSteps", "The minimization needs at least 1 step.");
            }
            if (equilibrationSteps.isEmpty() || equilibrationSteps.size() > 20) {
                throw new InvalidInputException("equilibrationSteps", "A protocol has 1 to 20 equilibration stages, not "
                        + equilibrationSteps.size() + ".");
            }
            for (long n : equilibrationSteps) {
                if (n < 1) {
                    throw new InvalidInputException("equilibrationSteps", "Each equilibration stage needs at least 1 step, not " + n + ".");
                }
            }
            if (productionSteps < 1) {
                throw new InvalidInputException("productionSteps", "The production needs at least 1 step.");
            }
        }
    }

    private NamdProtocols() {
    }

    public static List<Protocol> all() {
        return List.of(
                new Protocol(MIN_EQUIL_PROD, "Minimization → equilibration → production",
                        "A minimization, one or more equilibration runs and a production run, each a job of its own that "
                                + "starts from the files of the one before it."),
                new Protocol(CHARMM_GUI, "CHARMM-GUI (step4 equilibration, step5 production)",
                        "Shaped like CHARMM-GUI's NAMD inputs: step4 minimization and equilibration at 1 fs with the restraints "
                                + "of CHARMM-GUI's step4 input, step5 production at 2 fs without them."));
    }

    /** The stages of the protocol {@code id}. */
    public static List<ChainStage> stages(String id, Lengths lengths) {
        return switch (id) {
            case MIN_EQUIL_PROD -> minEquilProd(lengths);
            case CHARMM_GUI -> charmmGui(lengths);
            default -> throw new InvalidInputException("protocol", "There is no protocol '" + id + "'; known are "
                    + MIN_EQUIL_PROD + " and " + CHARMM_GUI + ".");
        };
    }

    private static List<ChainStage> minEquilProd(Lengths l) {
        List<ChainStage> stages = new ArrayList<>();
        stages.add(new ChainStage("minimization", minimization(l.minimizeSteps(), "minimization", null)));
        for (int i = 0; i < l.equilibrationSteps().size(); i++) {
            String label = l.equilibrationSteps().size() == 1 ? "equilibration" : "equilibration" + (i + 1);
            stages.add(new ChainStage(label, dynamics(l.equilibrationSteps().get(i), label, null, false)));
        }
        stages.add(new ChainStage("production", dynamics(l.productionSteps(), "production", null, l.continueOnTimeout())));
        return stages;
    }

    /** The step4 stages run with CHARMM-GUI's step4 restraints when the job has them ({@link CharmmGuiRestraints}), step5 without. */
    private static List<ChainStage> charmmGui(Lengths l) {
        List<ChainStage> stages = new ArrayList<>();
        stages.add(new ChainStage("step4_minimization", restrained(minimization(l.minimizeSteps(), "step4_minimization", "1"), true)));
        for (int i = 0; i < l.equilibrationSteps().size(); i++) {
            String label = l.equilibrationSteps().size() == 1 ? "step4_equilibration" : "step4." + (i + 1) + "_equilibration";
            stages.add(new ChainStage(label, restrained(dynamics(l.equilibrationSteps().get(i), label, "1", false), true)));
        }
        stages.add(new ChainStage("step5_production", restrained(dynamics(l.productionSteps(), "step5_production", "2",
                l.continueOnTimeout()), false)));
        return stages;
    }

    private static Map<String, String> restrained(Map<String, String> p, boolean restrained) {
        p.put(CharmmGuiRestraints.RESTRAINED, restrained ? "yes" : "no");
        return p;
    }

    private static Map<String, String> minimization(long steps, String outputName, String timestep) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("minimizeSteps", Long.toString(steps));
        p.put("runSteps", "0");
        p.put("outputName", outputName);
        if (timestep != null) {
            p.put("timestep", timestep);
        }
        return p;
    }

    private static Map<String, String> dynamics(long steps, String outputName, String timestep, boolean continueOnTimeout) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("runSteps", Long.toString(steps));
        p.put("outputName", outputName);
        if (timestep != null) {
            p.put("timestep", timestep);
        }
        p.put(JobChains.AUTO_CONTINUE, continueOnTimeout ? "yes" : "no");
        return p;
    }

    /** Parameter keys of a protocol chosen in the wizard (see {@link NamdJobType#stages}). */
    public static final String PROTOCOL = "protocol";
    public static final String MINIMIZE_STEPS = "protocolMinimizeSteps";
    public static final String EQUILIBRATION_STEPS = "protocolEquilibrationSteps";
    public static final String PRODUCTION_STEPS = "protocolProductionSteps";
    public static final String CONTINUE_ON_TIMEOUT = "protocolContinueOnTimeout";

    /** The stages the parameters ask for: none without {@value #PROTOCOL} (or with "none"). */
    public static List<ChainStage> fromParameters(Map<String, String> p) {
        String id = p.getOrDefault(PROTOCOL, "").strip();
        if (id.isEmpty() || id.equals("none")) {
            return List.of();
        }
        List<Long> equil = new ArrayList<>();
        for (String part : p.getOrDefault(EQUILIBRATION_STEPS, "").split(",")) {
            if (!part.isBlank()) {
                equil.add(steps(EQUILIBRATION_STEPS, part));
            }
        }
        return stages(id, new Lengths(steps(MINIMIZE_STEPS, p.getOrDefault(MINIMIZE_STEPS, "")), equil,
                steps(PRODUCTION_STEPS, p.getOrDefault(PRODUCTION_STEPS, "")), "yes".equalsIgnoreCase(p.getOrDefault(CONTINUE_ON_TIMEOUT, "no"))));
    }

    private static long steps(String key, String text) {
        try {
            return Long.parseLong(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(key, "'" + org.namdrunner.core.validation.InputRules.printable(text.strip())
                    + "' is not a number of steps.");
        }
    }
}
