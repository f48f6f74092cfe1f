package org.namdrunner.integration.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.app.LogView;
import org.namdrunner.app.LogWatch;
import org.namdrunner.core.cluster.ShellQuoting;
import org.namdrunner.namd.NamdLogFollower;
import org.namdrunner.testing.TestCluster;

/**
 * The log reader against real files on the twin, changed the ways a log changes under a reader: a half-written last
 * line, appends, a truncation, a rewrite in place (same inode) and a replacement (new inode).
 */
class LogWatchTest {

    /** A NAMD log's head, up to the first ENERGY line (at the first step, 0). */
    private static String head(int steps) {
        return """
                Info: TIMESTEP               2
                Info: NUMBER OF STEPS        0
                TCL: Running for %d steps
                ETITLE:      TS           BOND          ANGLE          DIHED          IMPRP               ELECT            VDW       BOUNDARY           MISC        KINETIC               TOTAL           TEMP      POTENTIAL         TOTAL3        TEMPAVG

                """.formatted(steps) + energy(0, 0);
    }

    private static Harness h;
    private static String dir;
    private static final NullProgressMonitor M = new NullProgressMonitor();

    @BeforeAll
    static void connect() throws Exception {
        Path local = Files.createTempDirectory("namdrunner-logwatch");
        TestCluster cluster = TestCluster.load();
        h = new Harness(cluster, cluster.profile("testcluster"), local.resolve("jobs.db"), Duration.ofSeconds(20));
        dir = h.exec("mktemp -d").stdout().strip();
    }

    @AfterAll
    static void close() throws Exception {
        if (h != null) {
            h.exec(ShellQuoting.command("rm", "-rf", "--", dir));
            h.close();
        }
    }

    static String energy(long step, double total) {
        return String.format("ENERGY: %7d         0.9371         1.2544         0.4053         0.0208            -12.0235         1.1299"
                + "         0.0000         0.0000         0.9020 %19.4f       302.6040        -8.5413        -8.2598       302.6040%n%n",
                step, total);
    }

    private static void append(String path, String text) throws Exception {
        assertEquals(0, h.exec("printf %s " + ShellQuoting.quote(text) + " >> " + ShellQuoting.quote(path)).exitCode());
    }

    private static LogWatch watch(String path) {
        return new LogWatch(path, NamdLogFollower::new);
    }

    @Test
    void aHalfWrittenLastLineIsReadOnceItIsWhole() throws Exception {
        String log = dir + "/partial.log";
        h.connection.writeFile(log, head(1000) + energy(10, -7.5) + "ENERGY:      20         0.9371", M);
        LogWatch w = watch(log);
        LogView v = w.refresh(h.connection, true, M);
        assertEquals(10, v.summary().step(), "the half line is not read yet");
        assertEquals(2, total(v).steps().length, "steps 0 and 10");
        String rest = energy(20, -9.25).substring("ENERGY:      20         0.9371".length());
        append(log, rest + energy(30, -10.0));
        v = w.refresh(h.connection, true, M);
        assertEquals(30, v.summary().step());
        assertEquals(4, total(v).steps().length, "steps 0, 10, 20, 30, each once");
        assertEquals(-9.25, total(v).values()[2], 1e-9, "the line read whole, not in two halves");
        assertEquals(0, v.restarts());
        assertTrue(v.text().contains("ENERGY:      30"), v.text());
    }

    @Test
    void aTruncatedLogIsReadAgainFromItsHead() throws Exception {
        String log = dir + "/truncated.log";
        h.connection.writeFile(log, head(1000) + energy(100, -1) + energy(200, -2) + energy(300, -3), M);
        LogWatch w = watch(log);
        assertEquals(300, w.refresh(h.connection, false, M).summary().step());
        h.exec(": > " + ShellQuoting.quote(log));
        append(log, head(500) + energy(50, -5));
        LogView v = w.refresh(h.connection, false, M);
        assertEquals(1, v.restarts());
        assertEquals(500, v.summary().totalSteps(), "the new run's total, not the old one's added");
        assertEquals(50, v.summary().step());
    }

    @Test
    void aLogRewrittenInPlaceAndLongerIsReadAgain() throws Exception {
        String log = dir + "/rewritten.log";
        h.connection.writeFile(log, head(1000) + energy(100, -1), M);
        LogWatch w = watch(log);
        w.refresh(h.connection, false, M);
        String inode = h.exec("stat -c %i " + ShellQuoting.quote(log)).stdout().strip();
        h.exec(": > " + ShellQuoting.quote(log));
        append(log, head(700) + energy(7, -1) + energy(8, -1) + energy(9, -1));
        assertEquals(inode, h.exec("stat -c %i " + ShellQuoting.quote(log)).stdout().strip(), "same file, rewritten (NAMD's > log)");
        LogView v = w.refresh(h.connection, false, M);
        assertEquals(1, v.restarts(), "the bytes before the offset changed");
        assertEquals(700, v.summary().totalSteps());
        assertEquals(9, v.summary().step());
    }

    @Test
    void aReplacedLogIsReadAgain() throws Exception {
        String log = dir + "/replaced.log";
        h.connection.writeFile(log, head(1000) + energy(100, -1), M);
        LogWatch w = watch(log);
        w.refresh(h.connection, false, M);
        String longer = head(900) + energy(1, -1) + energy(2, -1) + energy(3, -1);
        h.connection.writeFile(log, longer, M);   // written aside and renamed over: another inode
        LogView v = w.refresh(h.connection, false, M);
        assertEquals(1, v.restarts());
        assertEquals(900, v.summary().totalSteps());
    }

    @Test
    void aLongMiddleIsSampledForThePlotsNotRead() throws Exception {
        String log = dir + "/long.log";
        // 3 MB of ENERGY lines written on the cluster (awk), so the test sends nothing big either; below the twin's
        // login-node watchdog (5 MB of I/O), which other tests watch
        String awk = "BEGIN { for (s = 1; s <= 12000; s++) printf \"ENERGY: %7d         0.9371         1.2544         0.4053         0.0208"
                + "            -12.0235         1.1299         0.0000         0.0000         0.9020 %19.4f       302.6040        -8.5413"
                + "        -8.2598       302.6040\\n\\n\", s, -s }";
        h.connection.writeFile(log, head(20_000), M);
        assertEquals(0, h.exec("awk " + ShellQuoting.quote(awk) + " >> " + ShellQuoting.quote(log)).exitCode());
        long size = LongLogProgressTest.remoteSize(h, log);
        LogWatch w = watch(log);
        LogView v = w.refresh(h.connection, true, M);
        assertTrue(v.bytesRead() < size / 4, v.bytesRead() + " bytes read of " + size);
        double[] steps = total(v).steps();
        assertTrue(steps.length > 100, "points over the whole run: " + steps.length);
        long middle = java.util.Arrays.stream(steps).filter(s -> s > 2_000 && s < 10_000).count();
        assertTrue(middle > 50, "the middle has points from the sampled windows: " + middle);
        assertEquals(12_000, v.summary().step());
        for (int i = 0; i < steps.length; i++) {
            assertEquals(-steps[i], total(v).values()[i], 1e-9, "each sampled line parsed whole");
        }
    }

    private static LogView.Series total(LogView v) {
        return v.series().stream().filter(s -> s.name().equals("TOTAL")).findFirst().orElseThrow();
    }
}
