package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.CharmmGuiFolder;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.testing.CharmmGuiSystem;

/** A CHARMM-GUI namd/ folder with ten toppar files, read as it is, and the config it becomes. */
class CharmmGuiFolderTest {

    @TempDir
    Path dir;

    @Test
    void theFolderGivesStructureCoordinatesEveryTopparFileInOrderTheInputsAndTheBox() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        CharmmGuiFolder.System s = CharmmGuiFolder.read(namd);
        assertEquals(namd.resolve("step3_input.psf"), s.structure());
        assertEquals(namd.resolve("step3_input.pdb"), s.coordinates());
        assertEquals(CharmmGuiSystem.topparFiles(), s.parameters().stream().map(p -> p.getFileName().toString()).toList());
        List<String> extras = s.extras().stream().map(p -> namd.relativize(p).toString()).toList();
        assertTrue(extras.containsAll(List.of("step4_equilibration.inp", "step5_production.inp", "toppar.str", "sysinfo.dat",
                "step3_input.crd", "restraints/prot_pos.txt")), extras.toString());
        assertArrayEquals(CharmmGuiSystem.BOX, s.box().orElseThrow(), 1e-9);
        assertEquals(Map.of("cellX", "48", "cellY", "48", "cellZ", "52.5"), s.boxParameters());
        Map<String, Path> inputs = s.inputs();
        assertEquals(namd.resolve("toppar/par_all36m_prot.prm"), inputs.get("parameters"));
        assertEquals(namd.resolve("toppar/toppar_water_ions.str"), inputs.get("parameters.8"));
    }

    @Test
    void withoutParametersLinesTheTopparFolderIsTakenParFilesFirst() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        Files.delete(namd.resolve("step4_equilibration.inp"));
        List<String> names = CharmmGuiFolder.read(namd).parameters().stream().map(p -> p.getFileName().toString()).toList();
        assertEquals(10, names.size());
        assertTrue(names.get(0).startsWith("par_") && names.get(9).startsWith("toppar_"), names.toString());
    }

    @Test
    void aMissingTopparFileIsNamedWhenTheFolderIsChosen() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        Files.delete(namd.resolve("toppar/toppar_water_ions.str"));
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CharmmGuiFolder.read(namd));
        assertTrue(e.getMessage().contains("toppar/toppar_water_ions.str") && e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aFileThatCannotBeReadIsNamed() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        // the tests run as root, for whom chmod 000 still reads: a folder where the file should be is unreadable as a file
        Files.delete(namd.resolve("restraints/prot_pos.txt"));
        Files.createDirectory(namd.resolve("restraints/prot_pos.txt"));
        Files.writeString(namd.resolve("restraints/prot_pos.txt/x"), "");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> CharmmGuiFolder.read(namd));
        assertTrue(e.getMessage().contains("prot_pos.txt") && e.getMessage().contains("cannot be read"), e.getMessage());
    }

    /** The job parameters the wizard makes of an imported folder: its files by their staged names, its box, the NPT template. */
    static Map<String, String> jobParameters(CharmmGuiFolder.System s) {
        Map<String, String> params = new LinkedHashMap<>();
        s.inputs().forEach((k, p) -> params.put(k, p.getFileName().toString()));
        params.putAll(s.boxParameters());
        params.put(NamdJobType.TEMPLATE, "solvent-npt-pme");
        return params;
    }

    @Test
    void theConfigGetsOneParametersLineForEachOfTheTenFilesInOrder() throws Exception {
        Map<String, String> params = jobParameters(CharmmGuiFolder.read(CharmmGuiSystem.write(dir)));
        Job job = Job.builder().id("job_1").name("charmm-gui").jobTypeId("namd").clusterProfileId("t").createdAt(Instant.EPOCH).build();
        String config = new NamdJobType().renderFiles(job, params, null).get(NamdJobType.CONFIG_FILE);
        List<String> lines = config.lines().filter(l -> l.startsWith("parameters")).map(l -> l.replaceAll("\\s+", " ")).toList();
        assertEquals(CharmmGuiSystem.topparFiles().stream().map(f -> "parameters input_files/" + f).toList(), lines);
        assertTrue(config.contains("cellBasisVector3   0 0 52.5"), config);
    }
}
