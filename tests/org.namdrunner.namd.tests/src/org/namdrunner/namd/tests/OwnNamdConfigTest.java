package org.namdrunner.namd.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.namd.NamdConfigScript;
import org.namdrunner.namd.NamdConfigScript.Reference;
import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.OwnNamdConfig;
import org.namdrunner.testing.CharmmGuiSystem;

/** The reference finder ({@link NamdConfigScript}) and the rewriter ({@link OwnNamdConfig}), one edge case each. */
class OwnNamdConfigTest {

    @TempDir
    Path dir;

    private Path write(String relative, String text) throws Exception {
        Path f = dir.resolve(relative);
        Files.createDirectories(f.getParent());
        Files.writeString(f, text);
        return f;
    }

    /** structure, coordinates and one parameter file, in dir/sys and dir/toppar, plus the lines given. */
    private Path config(String name, String lines) throws Exception {
        write("sys/ala.psf", "PSF\n\n         1 !NATOM\n");
        write("sys/ala.pdb", "ATOM      1  CA  ALA     1       0.000   0.000   0.000  1.00  0.00      PROA\nEND\n");
        write("toppar/par_all36m_prot.prm", "* prm\n");
        return write("run/" + name, "structure ../sys/ala.psf\ncoordinates ../sys/ala.pdb\nparameters ../toppar/par_all36m_prot.prm\n"
                + "outputName ala_run\n" + lines);
    }

    private static List<String> paths(NamdConfigScript.Result r) {
        return r.references().stream().map(x -> x.keyword() + "=" + x.path()).toList();
    }

    @Test
    void charmmGuiStep4StagesEveryTopparFileAndTheRestraintsAndRewritesTheirPaths() throws Exception {
        Path namd = CharmmGuiSystem.write(dir);
        OwnNamdConfig.Staged s = OwnNamdConfig.read(namd.resolve("step4_equilibration.inp"));
        assertEquals(List.of(), s.problems());
        assertEquals(namd.resolve("step3_input.psf"), s.inputs().get("structure"));
        assertEquals(namd.resolve("step3_input.pdb"), s.inputs().get("coordinates"));
        for (int i = 0; i < CharmmGuiSystem.topparFiles().size(); i++) {
            String f = CharmmGuiSystem.topparFiles().get(i);
            assertEquals(namd.resolve("toppar/" + f), s.inputs().get(i == 0 ? "parameters" : "parameters." + (i + 1)), f);
            assertTrue(s.config().contains("parameters          input_files/" + f + "\n"), f);
        }
        assertEquals(namd.resolve("restraints/prot_pos.txt"), s.inputs().get("extra.1"));
        assertTrue(s.config().contains("extraBondsFile      input_files/prot_pos.txt"), s.config());
        assertTrue(s.config().contains("structure          input_files/step3_input.psf"));
        assertTrue(s.config().contains("outputName         step4_equilibration;"), "a plain output name stays as it is");
        assertTrue(s.config().contains("cellBasisVector1     $a   0.0   0.0;"), "lines without files stay as written");
        assertEquals(List.of(), OwnNamdConfig.check(s.config(), names(s)), "the rewritten config passes the job's own check");
    }

    private static List<String> names(OwnNamdConfig.Staged s) {
        return s.inputs().values().stream().map(p -> p.getFileName().toString()).toList();
    }

    @Test
    void charmmGuiStyleIfBlocksFollowTheirLiteralConditionWithVariablesFromSet() throws Exception {
        write("namd/step4_equilibration.coor", "c");
        write("namd/step4_equilibration.vel", "v");
        write("namd/step4_equilibration.xsc", "x");
        Path c = config("step5_production.inp", """
                set temp           303.15;
                set outputname     step5_production;
                # Continuing a job from the restart files
                if {1} {
                set inputname      ../namd/step4_equilibration;
                binCoordinates     $inputname.coor;    # coordinates from last run (binary)
                binVelocities      ${inputname}.vel;   # velocities from last run (binary)
                extendedSystem     $inputname.xsc;
                }
                if {0} {
                binCoordinates     never_written.restart.coor;
                } else {
                langevinTemp $temp
                }
                outputName         $outputname;
                """);
        OwnNamdConfig.Staged s = OwnNamdConfig.read(c);
        assertEquals(List.of(), s.problems());
        assertTrue(s.config().contains("binCoordinates     input_files/step4_equilibration.coor;    # coordinates"), s.config());
        assertTrue(s.config().contains("binVelocities      input_files/step4_equilibration.vel;"), s.config());
        assertTrue(s.config().contains("extendedSystem     input_files/step4_equilibration.xsc;"));
        assertTrue(s.config().contains("binCoordinates     never_written.restart.coor;"), "the if {0} branch is left alone");
        assertTrue(s.config().contains("outputName         step5_production;"), "an output name from a variable is written out");
        assertTrue(s.inputs().containsValue(dir.resolve("namd/step4_equilibration.xsc")));
        assertFalse(s.inputs().values().stream().anyMatch(p -> p.toString().contains("never_written")));
    }

    @Test
    void aMissingFileIsNamedWithItsLineAlsoWhenItsPathComesFromAVariable() throws Exception {
        Path c = config("eq.namd", "set prev ../namd/eq1\nbinCoordinates $prev.restart.coor\n");
        OwnNamdConfig.Staged s = OwnNamdConfig.read(c);
        assertEquals(1, s.problems().size(), s.problems().toString());
        String p = s.problems().get(0);
        assertTrue(p.startsWith("line 6: the binCoordinates file ../namd/eq1.restart.coor does not exist (looked for "), p);
        assertTrue(p.endsWith(dir.resolve("namd/eq1.restart.coor") + ")."), p);
        assertFalse(s.usable());
    }

    @Test
    void aFolderWhereAFileShouldBeIsNamedAsUnreadable() throws Exception {
        Files.createDirectories(dir.resolve("run/restraints.ref"));
        OwnNamdConfig.Staged s = OwnNamdConfig.read(config("c.namd", "constraints on\nconsref restraints.ref\n"));
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("line 6: the consref file restraints.ref cannot be read: it is not a readable file"),
                s.problems().get(0));
    }

    @Test
    void sourcedFilesSetVariablesAreStagedAndTheirOwnReferencesRewritten() throws Exception {
        write("toppar/toppar_water_ions.str", "* str\n");
        write("run/vars.tcl", "set tp ../toppar\nset water toppar_water_ions.str\nparameters $tp/$water\n");
        write("toppar/par_all36_lipid.prm", "* lipid\n");
        Path c = config("own.namd", "source vars.tcl\nparameters ${tp}/par_all36_lipid.prm\n");
        OwnNamdConfig.Staged s = OwnNamdConfig.read(c);
        assertEquals(List.of(), s.problems());
        assertTrue(s.config().contains("source input_files/vars.tcl\n"), s.config());
        assertTrue(s.config().contains("parameters input_files/par_all36_lipid.prm\n"), "a variable set in the sourced file");
        assertEquals("set tp ../toppar\nset water toppar_water_ions.str\nparameters input_files/toppar_water_ions.str\n",
                s.rewrittenSources().get("vars.tcl"));
        assertEquals(List.of("par_all36m_prot.prm", "toppar_water_ions.str", "par_all36_lipid.prm"),
                List.of(s.inputs().get("parameters"), s.inputs().get("parameters.2"), s.inputs().get("parameters.3")).stream()
                        .map(p -> p.getFileName().toString()).toList());
        assertEquals(dir.resolve("run/vars.tcl"), s.inputs().get("extra.1"));
    }

    @Test
    void aMissingSourcedFileIsNamed() throws Exception {
        OwnNamdConfig.Staged s = OwnNamdConfig.read(config("own.namd", "source ../common/settings.tcl\n"));
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("line 5: the source file ../common/settings.tcl does not exist"), s.problems().get(0));
    }

    @Test
    void pathsThatCannotBeWorkedOutAreNamedWithTheirLineAndWhy() {
        String config = """
                set dir $env(HOME)/toppar
                parameters $dir/a.prm
                parameters [file join toppar b.prm]
                parameters $nowhere/c.prm
                parameters $::env(TOPPAR)/d.prm
                """;
        List<Reference> refs = NamdConfigScript.read(config, p -> Optional.empty()).references();
        assertEquals(4, refs.size());
        assertTrue(refs.stream().noneMatch(Reference::resolved));
        assertEquals(2, refs.get(0).line());
        assertTrue(refs.get(0).why().contains("$dir") && refs.get(0).why().contains("Tcl array $env"), refs.get(0).why());
        assertTrue(refs.get(1).why().contains("Tcl command"), refs.get(1).why());
        assertTrue(refs.get(2).why().contains("$nowhere is not set"), refs.get(2).why());
        assertTrue(refs.get(3).why().contains("Tcl array $::env"), refs.get(3).why());
    }

    @Test
    void anUnresolvablePathStopsTheConfigNamingTheLine() throws Exception {
        OwnNamdConfig.Staged s = OwnNamdConfig.read(config("c.namd", "colvars on\ncolvarsConfig $colfile\n"));
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("line 6: the path of 'colvarsConfig' cannot be worked out: the variable $colfile"),
                s.problems().get(0));
    }

    @Test
    void commentsSemicolonsBracesEqualsAndCaseAreReadAsNamdDoes() {
        String config = """
                # parameters commented.prm
                PARAMETERS a.prm; parameters b.prm ;# trailing comment
                parameters = c.prm
                parameters {with space/d.prm}
                structure "quoted.psf"
                   # indented comment parameters e.prm
                """;
        assertEquals(List.of("PARAMETERS=a.prm", "parameters=b.prm", "parameters=c.prm", "parameters=with space/d.prm",
                "structure=quoted.psf"), paths(NamdConfigScript.read(config, p -> Optional.empty())));
    }

    @Test
    void restraintColvarsAndTclForcesFilesAreStagedOnceAndAnInlineTclForcesScriptIsNot() throws Exception {
        write("run/restraints/prot_posres.ref", "ref\n");
        write("run/colvars.in", "colvar {}\n");
        write("run/forces.tcl", "proc calcforces {} {}\n");
        Path c = config("c.namd", """
                constraints on
                consref   restraints/prot_posres.ref
                conskfile restraints/prot_posres.ref
                colvars on
                colvarsConfig colvars.in
                tclForces on
                tclForcesScript forces.tcl
                tclForcesScript {
                  proc calcforces {} { }
                }
                """);
        OwnNamdConfig.Staged s = OwnNamdConfig.read(c);
        assertEquals(List.of(), s.problems());
        assertTrue(s.config().contains("consref   input_files/prot_posres.ref\nconskfile input_files/prot_posres.ref\n"), s.config());
        assertTrue(s.config().contains("colvarsConfig input_files/colvars.in\n"));
        assertTrue(s.config().contains("tclForcesScript input_files/forces.tcl\n"));
        assertTrue(s.config().contains("proc calcforces {} { }"), "the inline script stays");
        assertEquals(3, s.inputs().keySet().stream().filter(k -> k.startsWith("extra.")).count(), s.inputs().toString());
    }

    @Test
    void outputNamesAreCutToTheJobFolderAndThoseOutsideItRefused() throws Exception {
        OwnNamdConfig.Staged sub = OwnNamdConfig.read(config("a.namd", "restartname out/ala.rst\ndcdfile out/traj/ala.dcd\n"));
        assertEquals(List.of(), sub.problems());
        assertTrue(sub.config().contains("restartname ala.rst\ndcdfile ala.dcd\n"), sub.config());
        assertEquals(2, sub.notes().size());
        OwnNamdConfig.Staged abs = OwnNamdConfig.read(config("b.namd", "outputName /scratch/alpine/me/ala\n"));
        assertTrue(abs.problems().get(0).startsWith("line 5: outputName /scratch/alpine/me/ala is an absolute path"), abs.problems().toString());
        OwnNamdConfig.Staged up = OwnNamdConfig.read(config("c.namd", "set o ../../elsewhere/ala\nrestartname $o\n"));
        assertTrue(up.problems().get(0).startsWith("line 6: restartname ../../elsewhere/ala goes up with '..'"), up.problems().toString());
    }

    @Test
    void noOutputNameNoStructureAndTwoFilesWithOneNameAreRefused() throws Exception {
        Path c = config("a.namd", "");
        Files.writeString(c, Files.readString(c).replace("outputName ala_run\n", ""));
        assertTrue(OwnNamdConfig.read(c).problems().get(0).contains("no outputName"));
        write("other/par_all36m_prot.prm", "* another\n");
        OwnNamdConfig.Staged clash = OwnNamdConfig.read(config("b.namd", "parameters ../other/par_all36m_prot.prm\n"));
        assertTrue(clash.problems().get(0).contains("are both named par_all36m_prot.prm"), clash.problems().toString());
        Path noPsf = write("run/c.namd", "coordinates ../sys/ala.pdb\nparameters ../toppar/par_all36m_prot.prm\noutputName x\n");
        assertTrue(OwnNamdConfig.read(noPsf).problems().get(0).contains("no structure (PSF)"));
    }

    @Test
    void anIfWhoseConditionIsAnExpressionCountsBothBranchesAndSaysSo() throws Exception {
        OwnNamdConfig.Staged s = OwnNamdConfig.read(config("c.namd", "set n 3\nif {$n > 2} {\n  extendedSystem eq.xsc\n}\n"));
        assertEquals(1, s.problems().size());
        assertTrue(s.problems().get(0).startsWith("line 7: the extendedSystem file eq.xsc does not exist")
                && s.problems().get(0).contains("inside an 'if' whose condition NAMDRunner cannot decide"), s.problems().get(0));
        List<Reference> r = NamdConfigScript.read("set on yes\nif {$on} { parameters a.prm } elseif {1} { parameters b.prm }\n",
                p -> Optional.empty()).references();
        assertEquals(List.of("a.prm"), r.stream().map(Reference::path).toList(), "a variable holding yes decides the if");
    }

    @Test
    void aReferenceInsideAProcOrLoopIsNamedNotGuessed() {
        List<Reference> r = NamdConfigScript.read("foreach f {a b} {\n  parameters $f.prm\n}\nproc p {} { structure x.psf }\n",
                p -> Optional.empty()).references();
        assertEquals(2, r.size());
        assertNull(r.get(0).path());
        assertEquals(2, r.get(0).line());
        assertTrue(r.get(0).why().contains("proc, loop"));
    }

    @Test
    void anUnclosedBraceAndCwdAreProblems() {
        assertTrue(NamdConfigScript.read("if {1} {\nparameters a.prm\n", p -> Optional.empty()).problems().get(0)
                .contains("'{' at line 1 is never closed"));
        assertTrue(NamdConfigScript.read("cwd /tmp\n", p -> Optional.empty()).problems().get(0).startsWith("line 1: 'cwd'"));
    }

    @Test
    void aConfigAsLongAsAllowedIsReadWithEveryLineNumberRight() {
        StringBuilder big = new StringBuilder();
        int n = 0;
        while (big.length() < OwnNamdConfig.MAX_CONFIG_CHARS - 100) {
            n++;
            big.append("set p").append(n).append(" par_").append(n).append(".prm ;# comment\nparameters $p").append(n).append('\n');
        }
        List<Reference> refs = NamdConfigScript.read(big.toString(), p -> Optional.empty()).references();
        assertEquals(n, refs.size());
        assertEquals(2 * n, refs.get(n - 1).line());
        assertEquals("par_" + n + ".prm", refs.get(n - 1).path());
    }

    @Test
    void aSourceLoopStopsWithAProblem() throws Exception {
        write("run/loop.tcl", "source loop.tcl\n");
        OwnNamdConfig.Staged s = OwnNamdConfig.read(config("c.namd", "source loop.tcl\n"));
        assertTrue(s.problems().stream().anyMatch(p -> p.contains("sources more than")), s.problems().toString());
    }

    @Test
    void theCheckNamesAFileTheEditReadsThatIsNotStagedAndAPathOutsideTheJobFolder() {
        String ok = "structure input_files/a.psf\ncoordinates ./input_files/a.pdb\nparameters input_files/p.prm\noutputName run1\n";
        Set<String> staged = Set.of("a.psf", "a.pdb", "p.prm");
        assertEquals(List.of(), OwnNamdConfig.check(ok, staged));
        List<String> p = OwnNamdConfig.check(ok + "parameters input_files/new.str\nparameters ../toppar/x.prm\noutputName out/run1\n", staged);
        assertEquals(3, p.size(), p.toString());
        assertTrue(p.get(0).startsWith("line 5: parameters names new.str, which is not among the job's input files"), p.get(0));
        assertTrue(p.get(1).startsWith("line 6: parameters names ../toppar/x.prm, which is not in the job's folder"), p.get(1));
        assertTrue(p.get(2).startsWith("line 7: outputName out/run1 writes into a folder"), p.get(2));
        assertEquals(List.of("The config is empty."), OwnNamdConfig.check("  \n", staged));
    }

    @Test
    void theJobTypeRunsTheConfigParameterAsItIsAndRefusesOneThatReadsUnstagedFiles() {
        NamdJobType type = new NamdJobType();
        Job job = Job.builder().id("job_1").name("own").jobTypeId("namd").clusterProfileId("test")
                .createdAt(Instant.parse("2026-12-02T01:00:00Z")).build();
        Map<String, String> p = new HashMap<>(Map.of("structure", "a.psf", "coordinates", "a.pdb", "parameters", "p.prm",
                "parameters.2", "q.str"));
        String config = "# mine\nstructure input_files/a.psf\ncoordinates input_files/a.pdb\nparameters input_files/p.prm\n"
                + "parameters input_files/q.str\noutputName mine\nrun 100\n";
        p.put(NamdJobType.CONFIG, config);
        assertEquals(config, type.renderFiles(job, p, null).get(NamdJobType.CONFIG_FILE), "exactly the stored text");
        assertEquals(NamdJobType.CONFIG, type.editedFileParameter(NamdJobType.CONFIG_FILE));
        assertNull(type.editedFileParameter("scripts/job.sbatch"));
        p.put(NamdJobType.CONFIG, config + "parameters input_files/r.prm\n");
        InvalidInputException e = assertThrows(InvalidInputException.class, () -> type.renderFiles(job, p, null));
        assertEquals(NamdJobType.CONFIG, e.field());
        assertTrue(e.getMessage().contains("r.prm, which is not among the job's input files"), e.getMessage());
        p.put(NamdJobType.CONFIG, "");
        assertEquals(NamdJobType.CONFIG, assertThrows(InvalidInputException.class, () -> type.validate(p)).field());
    }

    @Test
    void aContinuationOfAnOwnConfigRestartsFromItsRestartFiles() {
        NamdJobType type = new NamdJobType();
        Job job = Job.builder().id("job_2").name("own_cont1").jobTypeId("namd").clusterProfileId("test")
                .createdAt(Instant.parse("2026-12-02T01:00:00Z")).build();
        Map<String, String> p = new HashMap<>(Map.of("structure", "a.psf", "coordinates", "a.pdb", "parameters", "p.prm",
                NamdJobType.CONFIG, "structure input_files/a.psf\ncoordinates input_files/a.pdb\nparameters input_files/p.prm\n"
                        + "outputName mine\nrestartfreq 50\ntemperature 300\nrun 1000\n",
                NamdJobType.CONTINUE_FROM, "mine.restart", NamdJobType.CONTINUE_FIRST_STEP, "400", NamdJobType.CONTINUE_STEPS, "600"));
        String config = type.renderFiles(job, p, null).get(NamdJobType.CONFIG_FILE);
        assertTrue(config.contains("# (continuation) temperature 300"), config);
        assertTrue(config.contains("bincoordinates     input_files/mine.restart.coor"), config);
        assertTrue(config.contains("firsttimestep      400") && config.endsWith("run                600\n"), config);
    }
}
