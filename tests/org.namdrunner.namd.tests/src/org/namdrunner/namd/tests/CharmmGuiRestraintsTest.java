package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
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
import org.namdrunner.core.lifecycle.ChainStage;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.CharmmGuiFolder;
import org.namdrunner.namd.CharmmGuiRestraints;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.NamdProtocols;
import org.namdrunner.testing.CharmmGuiSystem;

/** CHARMM-GUI's step4 restraints: read from its step4 input, carried into the protocol's step4 stages, never step5's. */
class CharmmGuiRestraintsTest {

    @TempDir
    Path dir;

    private static final Job JOB = Job.builder().id("job_1").name("cg").jobTypeId("namd").clusterProfileId("t").createdAt(Instant.EPOCH)
            .build();

    @Test
    void theFoldersStep4RestraintsAreTakenWithTheirFileStaged() throws Exception {
        CharmmGuiFolder.System s = CharmmGuiFolder.read(CharmmGuiSystem.write(dir));
        assertEquals(List.of("extraBonds yes", "extraBondsFile input_files/prot_pos.txt"), s.restraints().lines());
        assertTrue(s.restraints().note().contains("(extraBonds yes, extraBondsFile prot_pos.txt)"), s.restraints().note());
    }

    @Test
    void theProtocolsStep4StagesRunRestrainedAndStep5DoesNot() throws Exception {
        CharmmGuiFolder.System s = CharmmGuiFolder.read(CharmmGuiSystem.write(dir));
        Map<String, String> job = CharmmGuiFolderTest.jobParameters(s);
        job.put(CharmmGuiRestraints.PARAMETER, s.restraints().parameter());
        List<ChainStage> stages = NamdProtocols.stages(NamdProtocols.CHARMM_GUI, new NamdProtocols.Lengths(20, List.of(60L, 60L), 80, false));
        assertEquals(4, stages.size());
        NamdJobType type = new NamdJobType();
        for (ChainStage stage : stages) {
            Map<String, String> p = new LinkedHashMap<>(job);
            p.putAll(stage.parameters());
            String config = type.renderFiles(JOB, p, null).get(NamdJobType.CONFIG_FILE);
            boolean step4 = stage.label().startsWith("step4");
            assertEquals(step4 ? 1 : 0, config.lines().filter(l -> l.matches("extraBondsFile\\s+input_files/prot_pos\\.txt")).count(),
                    stage.label() + ":\n" + config);
            assertEquals(step4 ? 1 : 0, config.lines().filter(l -> l.matches("extraBonds\\s+yes")).count(), stage.label());
            if (step4) {
                int restraint = config.indexOf("extraBondsFile");
                int first = Math.min(index(config, "\nminimize"), index(config, "\nrun"));
                assertTrue(restraint < first, "NAMD reads the restraints before the first minimize/run: " + config);
            }
        }
    }

    private static int index(String s, String what) {
        int i = s.indexOf(what);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    @Test
    void theTemplatesOwnRestraintLinesAreReplacedNotRepeated() {
        String config = "structure x.psf\nextraBonds on\nextraBondsFile input_files/old.txt\nminimize 10\n";
        String out = CharmmGuiRestraints.config(config, "extraBonds yes\nextraBondsFile input_files/prot_pos.txt", List.of("prot_pos.txt"));
        assertEquals(1, out.lines().filter(l -> l.startsWith("extraBondsFile")).count(), out);
        assertTrue(out.contains("# NAMDRunner: replaced by CHARMM-GUI's step4 restraints: extraBondsFile input_files/old.txt"), out);
    }

    @Test
    void setVariablesAreFilledInAndConstraintsCarried() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        Files.writeString(namd.resolve("restraints/prot_posres.ref"), "ATOM\n");
        Files.writeString(namd.resolve("step4_equilibration.inp"), """
                structure          step3_input.psf
                coordinates        step3_input.pdb
                parameters         toppar/par_all36m_prot.prm
                set fc             1.0;
                set ref            restraints/prot_posres.ref
                outputName         step4_equilibration;
                constraints        on;
                consexp            2;
                consref            $ref;
                conskfile          ${ref};     # the same file
                conskcol           B;
                constraintScaling  $fc;
                minimize           10000
                """);
        CharmmGuiRestraints.Found f = CharmmGuiFolder.read(namd).restraints();
        assertEquals(List.of("constraints on", "consexp 2", "consref input_files/prot_posres.ref", "conskfile input_files/prot_posres.ref",
                "conskcol B", "constraintScaling 1.0"), f.lines());
    }

    @Test
    void tclItCannotFollowAndColvarsCarryNothingAndSaySo() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        Path step4 = namd.resolve("step4_equilibration.inp");
        Files.writeString(step4, Files.readString(step4).replace("extraBondsFile      restraints/prot_pos.txt",
                "extraBondsFile      $unknown/prot_pos.txt"));
        CharmmGuiRestraints.Found f = CharmmGuiFolder.read(namd).restraints();
        assertEquals(List.of(), f.lines());
        assertTrue(f.note().contains("$unknown/prot_pos.txt") && f.note().contains("run without restraints"), f.note());

        Files.writeString(step4, "structure step3_input.psf\ncolvars on\ncolvarsConfig restraints/prot_pos.txt\nminimize 10\n");
        f = CharmmGuiFolder.read(namd).restraints();
        assertEquals(List.of(), f.lines());
        assertTrue(f.note().contains("colvars") && f.note().contains("line 2"), f.note());

        Files.writeString(step4, "structure step3_input.psf\nminimize 10\n");
        f = CharmmGuiFolder.read(namd).restraints();
        assertEquals(List.of(), f.lines());
        assertNull(f.note(), "a step4 input without restraints has nothing to say");
    }

    @Test
    void aFileOutsideWhatTheImportStagesIsNotCarried() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        Files.writeString(dir.resolve("elsewhere.txt"), "x\n");
        Path step4 = namd.resolve("step4_equilibration.inp");
        Files.writeString(step4, Files.readString(step4).replace("restraints/prot_pos.txt", "../elsewhere.txt"));
        CharmmGuiRestraints.Found f = CharmmGuiFolder.read(namd).restraints();
        assertEquals(List.of(), f.lines());
        assertTrue(f.note().contains("../elsewhere.txt"), f.note());
    }

    @Test
    void aHandMadeParameterCannotPutACommandOrAnUnstagedFileIntoTheConfig() {
        String config = "structure x.psf\nminimize 10\n";
        for (String bad : List.of("exec rm -rf ~", "extraBonds [exec id]", "extraBondsFile input_files/x.txt;exec id",
                "consref /etc/passwd", "extraBonds yes no", "colvarsConfig input_files/prot_pos.txt")) {
            InvalidInputException e = assertThrows(InvalidInputException.class,
                    () -> CharmmGuiRestraints.config(config, bad, List.of("prot_pos.txt", "x.txt")), bad);
            assertEquals(CharmmGuiRestraints.PARAMETER, e.field(), bad);
        }
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> CharmmGuiRestraints.config(config, "extraBondsFile input_files/gone.txt", List.of("prot_pos.txt")));
        assertTrue(e.getMessage().contains("input_files/gone.txt") && e.getMessage().contains("not among the job's input files"), e.getMessage());
        assertFalse(CharmmGuiRestraints.config(config, "extraBonds yes", List.of()).contains("exec"));
    }
}
