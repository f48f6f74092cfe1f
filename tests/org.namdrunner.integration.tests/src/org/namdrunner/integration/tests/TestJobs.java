package org.namdrunner.integration.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.namdrunner.core.lifecycle.JobRequest;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;
import org.namdrunner.namd.NamdJobType;

/** Small real NAMD inputs and requests for the stand-in on the test cluster. */
final class TestJobs {

    private TestJobs() {
    }

    /** A tiny solute: a PSF, a PDB with 12 atoms and a parameter file, in a fresh local folder. */
    static Map<String, Path> inputs(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder pdb = new StringBuilder("REMARK tiny test system\n");
        for (int i = 1; i <= 12; i++) {
            pdb.append(String.format("ATOM  %5d  CA  ALA A%4d    %8.3f%8.3f%8.3f  1.00  0.00      PROT%n", i, i, i * 1.5, 0.0, 0.0));
        }
        pdb.append("END\n");
        Path psf = Files.writeString(dir.resolve("tiny.psf"), "PSF\n\n       1 !NTITLE\n REMARKS tiny\n\n      12 !NATOM\n");
        Path pdbFile = Files.writeString(dir.resolve("tiny.pdb"), pdb.toString());
        Path prm = Files.writeString(dir.resolve("par_tiny.prm"), "* tiny parameters\nBONDS\nEND\n");
        Map<String, Path> inputs = new LinkedHashMap<>();
        inputs.put("structure", psf);
        inputs.put("coordinates", pdbFile);
        inputs.put("parameters", prm);
        return inputs;
    }

    static Resources resources(int cores, Duration walltime, String partition, String qos) {
        return new Resources(cores, MemorySize.parse("400MB"), walltime, partition, qos, "", 0, "");
    }

    /**
     * A NAMD job; {@code standin} lines are appended to the config as comments the stand-in obeys (e.g.
     * {@code seconds_per_step 0.5}, {@code fail "Atoms moving too fast"}).
     */
    static JobRequest request(String name, Map<String, Path> inputs, Resources resources, int runSteps, String outputName) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("runSteps", Integer.toString(runSteps));
        params.put("minimizeSteps", "20");
        params.put("outputName", outputName);
        return new JobRequest(name, NamdJobType.ID, "testcluster", resources, params, inputs);
    }
}
