package org.namdrunner.ui.internal.editor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.RemoteChunk;

/** The viewer's window over a file, Find, the failure quotes and exit codes, on bytes made here. */
class ViewerLogicTest {

    private static RemoteChunk chunk(byte[] file, long offset, int length) {
        int from = (int) Math.min(offset, file.length);
        int to = (int) Math.min(file.length, offset + length);
        return new RemoteChunk(offset, Arrays.copyOfRange(file, from, to), file.length);
    }

    private static byte[] numberedLines(int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= n; i++) {
            sb.append(String.format("line %09d%n", i));
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theWindowStartsAtAWholeLineAndLoadsEarlierPartsThatJoinWithoutAGapOrOverlap() {
        byte[] file = numberedLines(60_000); // 900 000 bytes, more than three chunks
        TextWindow w = new TextWindow();
        String tail = w.open(chunk(file, TextWindow.tailOffset(file.length), TextWindow.CHUNK));
        assertTrue(tail.startsWith("line "), tail.substring(0, 20));
        assertTrue(tail.endsWith("line 000060000\n"));
        assertTrue(w.hasEarlier());
        String shown = tail;
        while (w.canLoadEarlier()) {
            shown = w.prepend(chunk(file, w.earlierOffset(), w.earlierLength())) + shown;
        }
        assertEquals(new String(file, StandardCharsets.UTF_8), shown, "all chunks together are the file, byte for byte");
        assertEquals(0, w.start());
    }

    @Test
    void aReadThatEndsInsideAUtf8CharacterKeepsItForTheNextRead() {
        byte[] file = "Å line\nµs ≥ 1 ✓\n".getBytes(StandardCharsets.UTF_8);
        TextWindow w = new TextWindow();
        int cut = file.length - 3; // inside the 3-byte ✓
        String first = w.open(new RemoteChunk(0, Arrays.copyOf(file, cut), cut));
        assertFalse(first.contains("\uFFFD"), first);
        String more = w.append(chunk(file, w.end(), 1000));
        assertEquals(new String(file, StandardCharsets.UTF_8), first + more);
    }

    @Test
    void aFileShorterThanTheWindowIsOpenedAgain() {
        TextWindow w = new TextWindow();
        w.open(new RemoteChunk(0, "abc\ndef\n".getBytes(StandardCharsets.UTF_8), 8));
        assertNull(w.append(new RemoteChunk(8, new byte[0], 3)));
    }

    @Test
    void findGoesForwardAndBackWrapsAroundAndMindsCaseOnlyWhenAsked() {
        String t = "Info: step 1\nFATAL ERROR: Atoms moving too fast\nfatal error again\n";
        int first = TextSearch.find(t, "fatal error", 0, true, false);
        assertEquals(t.indexOf("FATAL"), first);
        assertEquals(t.indexOf("fatal error again"), TextSearch.find(t, "fatal error", first + 1, true, false));
        assertEquals(t.indexOf("fatal error again"), TextSearch.find(t, "fatal error", 0, true, true));
        assertEquals(first, TextSearch.find(t, "fatal error", t.length(), true, false), "wraps to the start");
        assertEquals(first, TextSearch.find(t, "fatal error", t.indexOf("fatal error again"), false, false));
        assertEquals(-1, TextSearch.find(t, "Fatal Error", 0, true, true));
    }

    @Test
    void theQuotesAreTheCauseLinesOfTheErrAndOut() {
        String err = "srun: info\nslurmstepd: error: *** JOB 71 ON c1 CANCELLED AT 2026-12-02T01:00:00 DUE TO TIME LIMIT ***\n";
        String out = "Info: 1\nENERGY: 100 1 2\nFATAL ERROR: Atoms moving too fast\n";
        List<FailureQuotes.Quote> q = FailureQuotes.of("j_71.err", err, "j_71.out", out);
        assertEquals(List.of("j_71.err: slurmstepd: error: *** JOB 71 ON c1 CANCELLED AT 2026-12-02T01:00:00 DUE TO TIME LIMIT ***",
                "j_71.out: FATAL ERROR: Atoms moving too fast"), q.stream().map(Object::toString).toList());
        assertEquals(List.of("j.err: third", "j.err: fourth"), FailureQuotes.of("j.err", "first\n\nthird\nfourth\n", "j.out", "")
                .stream().skip(1).map(Object::toString).toList(), "no cause line: the last lines of the .err");
        assertTrue(FailureQuotes.of("j.err", "", "j.out", "all fine\n").isEmpty());
    }

    @Test
    void exitCodesSayTheSignalInWords() {
        assertEquals("1", ExitCode.parse("1:0").orElseThrow().codeText());
        assertEquals("none", ExitCode.parse("1:0").orElseThrow().signalText());
        assertTrue(ExitCode.parse("0:9").orElseThrow().signalText().startsWith("9 (SIGKILL"));
        assertTrue(ExitCode.parse("137:0").orElseThrow().codeText().startsWith("137 (128 + signal 9, SIGKILL"));
        assertTrue(ExitCode.parse("").isEmpty());
        assertTrue(ExitCode.parse("x:1").isEmpty());
    }

    @Test
    void binaryFilesAreKnownByNameOrByANulByte() {
        assertTrue(FileKinds.binaryByName("/p/outputs/run.dcd").orElseThrow().contains("DCD"));
        assertTrue(FileKinds.binaryByName("/p/outputs/run.restart.coor").isPresent());
        assertTrue(FileKinds.binaryByName("/p/outputs/run.xsc").isEmpty(), "xsc is text");
        assertTrue(FileKinds.binaryByName("/p/job_123.err").isEmpty());
        assertTrue(FileKinds.looksBinary(new byte[] { 'a', 0, 'b' }));
        assertFalse(FileKinds.looksBinary("plain\n".getBytes(StandardCharsets.UTF_8)));
    }
}
