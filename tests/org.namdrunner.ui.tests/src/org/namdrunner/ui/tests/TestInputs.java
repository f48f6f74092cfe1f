package org.namdrunner.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A tiny real NAMD system (12 atoms) that the test cluster's namd3 stand-in runs in seconds. */
public final class TestInputs {

    public final Path psf;
    public final Path pdb;
    public final Path prm;

    private TestInputs(Path psf, Path pdb, Path prm) {
        this.psf = psf;
        this.pdb = pdb;
        this.prm = prm;
    }

    public static TestInputs write(Path dir) throws IOException {
        Files.createDirectories(dir);
        StringBuilder pdb = new StringBuilder("REMARK tiny test system\n");
        for (int i = 1; i <= 12; i++) {
            pdb.append(String.format("ATOM  %5d  CA  ALA A%4d    %8.3f%8.3f%8.3f  1.00  0.00      PROT%n", i, i, i * 1.5, 0.0, 0.0));
        }
        pdb.append("END\n");
        return new TestInputs(Files.writeString(dir.resolve("tiny.psf"), "PSF\n\n       1 !NTITLE\n REMARKS tiny\n\n      12 !NATOM\n"),
                Files.writeString(dir.resolve("tiny.pdb"), pdb.toString()),
                Files.writeString(dir.resolve("par_tiny.prm"), "* tiny parameters\nBONDS\nEND\n"));
    }
}
