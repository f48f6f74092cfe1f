package org.namdrunner.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Writes a small CHARMM-GUI-shaped {@code namd/} folder: a solvated peptide of {@value #ATOMS} atoms
 * ({@code step3_input.psf/.pdb/.crd} with a CRYST1 box), ten real CHARMM36 toppar names with well-formed (tiny)
 * contents, {@code toppar.str}, {@code restraints/prot_pos.txt}, {@code sysinfo.dat}, and
 * {@code step4_equilibration.inp} (listing the toppar files as CHARMM-GUI does, with {@code set a/b/c})
 * and {@code step5_production.inp}. Not a physical system: only the shapes NAMDRunner reads.
 */
public final class CharmmGuiSystem {

    public static final int ATOMS = 60;
    public static final double[] BOX = { 48.0, 48.0, 52.5 };
    public static final List<String> PRM = List.of("par_all36m_prot.prm", "par_all36_na.prm", "par_all36_carb.prm",
            "par_all36_lipid.prm", "par_all36_cgenff.prm", "par_interface.prm");
    public static final List<String> STR = List.of("toppar_all36_moreions.str", "toppar_water_ions.str",
            "toppar_all36_prot_na_combined.str", "toppar_all36_lipid_cholesterol.str");

    private CharmmGuiSystem() {
    }

    /** The toppar files in the order step4_equilibration.inp lists them. */
    public static List<String> topparFiles() {
        return java.util.stream.Stream.concat(PRM.stream(), STR.stream()).toList();
    }

    /** Writes the folder {@code <parent>/namd} and returns it. */
    public static Path write(Path parent) throws IOException {
        Path namd = Files.createDirectories(parent.resolve("namd"));
        Path toppar = Files.createDirectories(namd.resolve("toppar"));
        for (String p : PRM) {
            Files.writeString(toppar.resolve(p), "* " + p + " (NAMDRunner test copy, not the real force field)\n*\n\n"
                    + "ATOMS\nMASS  -1  HT   1.00800\nMASS  -1  OT  15.99940\n\nBONDS\nHT   OT   450.000     0.9572\n\n"
                    + "ANGLES\nHT   OT   HT    55.000   104.5200\n\nNONBONDED nbxmod  5 atom cdiel fshift vatom vdistance vfswitch -\n"
                    + "cutnb 14.0 ctofnb 12.0 ctonnb 10.0 eps 1.0 e14fac 1.0 wmin 1.5\nHT 0.0 -0.046 0.2245\nOT 0.0 -0.1521 1.7682\n\nEND\n");
        }
        for (String s : STR) {
            Files.writeString(toppar.resolve(s), "* " + s + " (NAMDRunner test copy)\n*\n\nread rtf card @app\n* topology\n*\n36 1\n\nEND\n\n"
                    + "read para card flex @app\n* parameters\n*\n\nATOMS\nMASS  -1  SOD  22.98977\n\nNONBONDED\nSOD 0.0 -0.0469 1.41075\n\nEND\nreturn\n");
        }
        StringBuilder list = new StringBuilder("* CHARMM-GUI toppar stream list\n*\n");
        topparFiles().forEach(f -> list.append("stream toppar/").append(f).append('\n'));
        Files.writeString(namd.resolve("toppar.str"), list.toString());
        StringBuilder pdb = new StringBuilder(String.format("CRYST1%9.3f%9.3f%9.3f  90.00  90.00  90.00 P 1           1%n", BOX[0], BOX[1], BOX[2]));
        StringBuilder crd = new StringBuilder("* CHARMM-GUI test system\n*\n" + String.format("%10d  EXT%n", ATOMS));
        StringBuilder psf = new StringBuilder("PSF EXT CMAP CHEQ XPLOR\n\n         2 !NTITLE\n REMARKS CHARMM-GUI test system\n REMARKS NAMDRunner\n\n"
                + String.format("%10d !NATOM%n", ATOMS));
        for (int i = 1; i <= ATOMS; i++) {
            boolean water = i > 12;
            String seg = water ? "WAT" : "PROA";
            String res = water ? "TIP3" : "ALA";
            String atom = water ? (i % 3 == 1 ? "OH2" : "H" + (i % 3 == 2 ? 1 : 2)) : "CA";
            int resid = water ? (i - 13) / 3 + 1 : i;
            pdb.append(String.format("ATOM  %5d %-4s %-4s %4d    %8.3f%8.3f%8.3f  1.00  0.00      %-4s%n", i, atom, res, resid,
                    (i % 7) * 3.1, (i % 5) * 2.7, (i % 11) * 1.9, seg));
            crd.append(String.format("%10d%10d  %-8s  %-8s%20.10f%20.10f%20.10f  %-8s  %-8d%20.10f%n", i, resid, res, atom,
                    (i % 7) * 3.1, (i % 5) * 2.7, (i % 11) * 1.9, seg, resid, 0.0));
            psf.append(String.format("%10d %-8s %-8d %-8s %-8s %-6s %10.6f %13.4f %11d%n", i, seg, resid, res, atom,
                    water ? (atom.equals("OH2") ? "OT" : "HT") : "CT1", 0.0, water ? 15.999 : 12.011, 0));
        }
        pdb.append("END\n");
        Files.writeString(namd.resolve("step3_input.pdb"), pdb.toString());
        Files.writeString(namd.resolve("step3_input.crd"), crd.toString());
        Files.writeString(namd.resolve("step3_input.psf"), psf.append("\n         0 !NBOND: bonds\n").toString());
        Files.writeString(namd.resolve("sysinfo.dat"), String.format("{\"dimx\": %.1f, \"dimy\": %.1f, \"dimz\": %.1f}%n", BOX[0], BOX[1], BOX[2]));
        Path restraints = Files.createDirectories(namd.resolve("restraints"));
        StringBuilder pos = new StringBuilder();
        for (int i = 1; i <= 12; i++) {
            pos.append("position ").append(i - 1).append(" 1.0 ").append(String.format("%.3f %.3f %.3f%n", (i % 7) * 3.1, (i % 5) * 2.7, (i % 11) * 1.9));
        }
        Files.writeString(restraints.resolve("prot_pos.txt"), pos.toString());
        StringBuilder step4 = new StringBuilder("""
                structure          step3_input.psf
                coordinates        step3_input.pdb

                set temp           303.15;
                outputName         step4_equilibration;

                # Force-Field Parameters
                paraTypeCharmm     on;
                """);
        topparFiles().forEach(f -> step4.append("parameters          toppar/").append(f).append('\n'));
        step4.append(String.format("""

                # Periodic Boundary Conditions
                set a              %.1f;
                set b              %.1f;
                set c              %.1f;
                cellBasisVector1     $a   0.0   0.0;
                cellBasisVector2    0.0    $b   0.0;
                cellBasisVector3    0.0   0.0    $c;
                extraBonds          yes
                extraBondsFile      restraints/prot_pos.txt
                minimize            10000
                run                 125000
                """, BOX[0], BOX[1], BOX[2]));
        Files.writeString(namd.resolve("step4_equilibration.inp"), step4.toString());
        Files.writeString(namd.resolve("step5_production.inp"), step4.toString().replace("step4_equilibration;", "step5_production;")
                .replace("minimize            10000\n", "").replace("run                 125000", "run                 500000"));
        return namd;
    }
}
