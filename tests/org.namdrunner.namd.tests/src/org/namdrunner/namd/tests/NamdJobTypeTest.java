package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.TemplateRenderer;

class NamdJobTypeTest {

    private final NamdJobType type = new NamdJobType();
    private final ClusterProfile profile = new ClusterProfile("test", "Test", "127.0.0.1", 2222, "testuser",
            ClusterProfile.AuthMethod.KEY, "", "", "", List.of(), List.of("debug"), List.of(), List.of(),
            "/home/testuser/projects", "/home/testuser/scratch", 2, 1000, Duration.ofHours(1), Duration.ofSeconds(60));
    private final Job job = Job.builder().id("job_1").name("lysozyme").jobTypeId("namd").clusterProfileId("test")
            .createdAt(Instant.parse("2026-11-29T10:00:00Z")).build();

    private static Map<String, String> params() {
        Map<String, String> p = new HashMap<>();
        p.put("structure", "lyz.psf");
        p.put("coordinates", "lyz.pdb");
        p.put("parameters", "par_all36_prot.prm");
        p.put("runSteps", "500");
        return p;
    }

    @Test
    void theConfigHasEveryValueAndNoPlaceholder() {
        String config = type.renderFiles(job, params(), profile).get(NamdJobType.CONFIG_FILE);
        assertTrue(config.contains("structure          input_files/lyz.psf"), config);
        assertTrue(config.contains("run                500"), config);
        assertTrue(config.contains("temperature        300"), "default filled in");
        assertFalse(config.contains("{{"));
    }

    @Test
    void outOfRangeValuesAreRefusedByName() {
        Map<String, String> p = params();
        p.put("timestep", "10");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> type.validate(p));
        assertEquals("timestep", e.field());
        assertTrue(e.getMessage().contains("between 0.1 and 4"), e.getMessage());
        p.put("timestep", "two");
        assertTrue(assertThrows(InvalidInputException.class, () -> type.validate(p)).getMessage().contains("not a number"));
        p.put("timestep", "2");
        p.put("outputName", "out; rm -rf ~");
        assertEquals("outputName", assertThrows(InvalidInputException.class, () -> type.validate(p)).field());
    }

    @Test
    void aMissingInputFileIsNamed() {
        Map<String, String> p = params();
        p.remove("coordinates");
        assertEquals("coordinates", assertThrows(InvalidInputException.class, () -> type.renderFiles(job, p, profile)).field());
    }

    @Test
    void theBatchBodyRunsNamdUnderMpiWithoutAffinityFlags() {
        String body = type.renderBatchBody(job, params(), profile);
        assertTrue(body.contains("export SLURM_EXPORT_ENV=ALL"));
        assertTrue(body.contains("mpirun -np \"$SLURM_NTASKS\" namd3 config.namd > namd_output.log"), body);
        assertFalse(body.contains("+setcpuaffinity"));
        assertFalse(body.contains("+pemap"));
    }

    @Test
    void templatesRefuseMissingValuesAndMultiLineValues() {
        assertEquals("a 1 b", TemplateRenderer.render("a {{x}} b", Map.of("x", "1")));
        assertEquals("y", assertThrows(InvalidInputException.class, () -> TemplateRenderer.render("{{y}}", Map.of())).field());
        assertThrows(InvalidInputException.class, () -> TemplateRenderer.render("{{x}}", Map.of("x", "1\nrun 99")));
        assertThrows(InvalidInputException.class, () -> TemplateRenderer.render("{{ bad-name }}", Map.of()));
    }

    @Test
    void everyParameterFileBecomesAParametersLineAndBadOrDuplicateNamesAreRefused() {
        Map<String, String> p = params();
        p.put("parameters.3", "toppar_water_ions.str");
        p.put("parameters.2", "par_all36_na.prm");
        p.put("extra.1", "step4_equilibration.inp");
        String config = type.renderFiles(job, p, profile).get(NamdJobType.CONFIG_FILE);
        List<String> lines = config.lines().filter(l -> l.startsWith("parameters")).map(l -> l.replaceAll("\\s+", " ")).toList();
        assertEquals(List.of("parameters input_files/par_all36_prot.prm", "parameters input_files/par_all36_na.prm",
                "parameters input_files/toppar_water_ions.str"), lines);
        assertFalse(config.contains("step4_equilibration.inp"), "extra files are staged, not named");
        p.put("parameters.4", "notes.docx");
        assertEquals("parameters.4", assertThrows(InvalidInputException.class, () -> type.validate(p)).field());
        p.put("parameters.4", "par_all36_na.prm");
        assertTrue(assertThrows(InvalidInputException.class, () -> type.validate(p)).getMessage().contains("both named par_all36_na.prm"));
        p.put("parameters.4", "a;b.str");
        assertEquals("parameters.4", assertThrows(InvalidInputException.class, () -> type.validate(p)).field());
    }
}
