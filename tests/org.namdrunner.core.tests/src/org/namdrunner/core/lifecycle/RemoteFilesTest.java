package org.namdrunner.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.NullProgressMonitor;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ExecResult;
import org.namdrunner.core.model.InvalidInputException;

/**
 * The command that keeps a job type's result files in subfolders, run by a real /bin/sh on real folders. The
 * connection runs commands locally instead of over SSH (the SSH path is covered end to end by the example
 * plug-in's test on the test cluster); only {@code exec} is used here.
 */
class RemoteFilesTest {

    private final Path dir = temporaryFolder();

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("remotefiles");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void namedFilesInSubfoldersAreCopiedToTheSamePathsAndMissingOnesSkipped() throws Exception {
        Path scratch = Files.createDirectories(dir.resolve("scratch"));
        Path outputs = dir.resolve("project/outputs");
        Files.createDirectories(scratch.resolve("out"));
        Files.createDirectories(scratch.resolve("deep/er"));
        Files.writeString(scratch.resolve("out/sum.txt"), "10\n");
        Files.writeString(scratch.resolve("deep/er/b.dat"), "b");

        List<String> copied = RemoteFiles.copyNamedFiles(new LocalShell(), scratch.toString(), outputs.toString(),
                List.of("out/sum.txt", "missing/c.txt", "deep/er/b.dat"), new NullProgressMonitor());

        assertEquals(List.of("out/sum.txt", "deep/er/b.dat"), copied);
        assertEquals("10\n", Files.readString(outputs.resolve("out/sum.txt")));
        assertEquals("b", Files.readString(outputs.resolve("deep/er/b.dat")));
        assertFalse(Files.exists(outputs.resolve("missing")), "nothing is created for a file the job did not write");
    }

    @Test
    void aPathThatLeavesTheFolderIsRefusedBeforeAnythingRuns() {
        LocalShell shell = new LocalShell();
        assertThrows(InvalidInputException.class, () -> RemoteFiles.copyNamedFiles(shell, dir.toString(), dir.resolve("o").toString(),
                List.of("out/../../etc/passwd"), new NullProgressMonitor()));
        assertEquals(0, shell.commands, "no command was run");
    }

    @Test
    void theDefaultRangedReadReturnsTheBytesAtTheOffsetUnchangedAndTheFileSize() throws Exception {
        byte[] bytes = new byte[300_000];
        new java.util.Random(7).nextBytes(bytes); // NULs, newlines, invalid UTF-8: all must arrive as they are
        Path file = Files.write(dir.resolve("traj.dcd"), bytes);
        LocalShell shell = new LocalShell();

        org.namdrunner.core.cluster.RemoteChunk middle = shell.readRange(file.toString(), 123_457, 70_000, new NullProgressMonitor());
        assertEquals(bytes.length, middle.fileSize());
        assertEquals(123_457, middle.offset());
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 123_457, 193_457), middle.bytes());
        org.namdrunner.core.cluster.RemoteChunk end = shell.readRange(file.toString(), 299_990, 4096, new NullProgressMonitor());
        org.junit.jupiter.api.Assertions.assertArrayEquals(java.util.Arrays.copyOfRange(bytes, 299_990, 300_000), end.bytes());
        assertEquals(0, shell.readRange(file.toString(), 400_000, 10, new NullProgressMonitor()).bytes().length);
        assertEquals(bytes.length, shell.readRange(file.toString(), 0, 0, new NullProgressMonitor()).fileSize());
        assertThrows(ClusterException.class, () -> shell.readRange(dir.resolve("missing").toString(), 0, 10, new NullProgressMonitor()));
        assertThrows(InvalidInputException.class, () -> shell.readRange("relative/path", 0, 10, new NullProgressMonitor()));
    }

    @Test
    void filesAreListedWithTheirModificationTimesToTheNanosecond() throws Exception {
        Path outputs = Files.createDirectories(dir.resolve("outputs"));
        Files.createDirectories(outputs.resolve("sub"));
        Instant xsc = Instant.parse("2026-12-02T10:00:30.123456789Z");
        Instant coor = Instant.parse("2026-12-02T10:00:30.123456790Z");
        Files.setLastModifiedTime(Files.writeString(outputs.resolve("wt.restart.xsc"), "60 0 0 0\n"), FileTime.from(xsc));
        Files.setLastModifiedTime(Files.writeString(outputs.resolve("wt.restart.coor.old"), "c"), FileTime.from(coor));
        Files.writeString(outputs.resolve("sub/not-listed.txt"), "deeper");

        Map<String, Instant> listed = RemoteFiles.listModified(new LocalShell(), outputs.toString(), new NullProgressMonitor());

        assertEquals(Map.of("wt.restart.xsc", xsc, "wt.restart.coor.old", coor), listed, "one nanosecond apart, in order");
        assertEquals(List.of("wt.restart.coor.old", "wt.restart.xsc"), List.copyOf(listed.keySet()), "sorted by name");
        assertEquals(Instant.ofEpochSecond(1764669630, 500_000_000), RemoteFiles.epochTime("1764669630.5"));
        assertEquals(Instant.ofEpochSecond(1764669630), RemoteFiles.epochTime("1764669630"));
        assertThrows(NumberFormatException.class, () -> RemoteFiles.epochTime("1764669630.5e3"));
    }

    /** Runs commands with the local /bin/sh. */
    private static final class LocalShell implements ClusterConnection {
        int commands;

        @Override
        public ExecResult exec(String commandLine, Duration timeout, IProgressMonitor monitor) throws ClusterException {
            commands++;
            try {
                Process p = new ProcessBuilder("/bin/sh", "-c", commandLine).start();
                p.getOutputStream().close();
                String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
                String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
                if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    throw ClusterException.permanent("timed out: " + commandLine);
                }
                return new ExecResult(commandLine, p.exitValue(), out, err);
            } catch (java.io.IOException e) {
                throw ClusterException.permanent(e.getMessage());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw ClusterException.permanent("interrupted");
            }
        }

        @Override
        public ClusterProfile profile() {
            throw new UnsupportedOperationException();
        }

        @Override
        public void upload(Path local, String remotePath, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void writeFile(String remotePath, String content, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public String readFile(String remotePath, long maxBytes, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void download(String remotePath, Path local, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void mkdirs(String remotePath, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void removeTree(String remotePath, String confinedTo, IProgressMonitor monitor) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean isConnected() {
            return true;
        }

        @Override
        public void close() {
        }
    }
}
