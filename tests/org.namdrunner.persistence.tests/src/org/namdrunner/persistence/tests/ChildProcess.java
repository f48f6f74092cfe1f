package org.namdrunner.persistence.tests;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** A child JVM whose output is collected, and which says "READY" when it has opened the store. */
final class ChildProcess {

    private final Process process;
    private final StringBuffer output = new StringBuffer();
    private final CountDownLatch readyOrGone = new CountDownLatch(1);
    private volatile boolean ready;
    private final Thread reader;

    private ChildProcess(Process process) {
        this.process = process;
        this.reader = new Thread(this::read, "child-output-" + process.pid());
        reader.setDaemon(true);
        reader.start();
    }

    static ChildProcess start(Path tmp, Class<?> main, String... args) throws IOException {
        Process p = ChildJvm.command(tmp, main, args).start();
        p.getOutputStream().close();
        return new ChildProcess(p);
    }

    private void read() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = in.readLine()) != null) {
                output.append(line).append('\n');
                if (line.equals("READY")) {
                    ready = true;
                    readyOrGone.countDown();
                }
            }
        } catch (IOException e) {
            output.append("(output lost: ").append(e).append(")\n");
        } finally {
            readyOrGone.countDown();
        }
    }

    void awaitReady(Duration timeout) throws InterruptedException {
        if (!readyOrGone.await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("the child did not get ready within " + timeout + "; it wrote:\n" + output);
        }
        if (!ready) {
            process.waitFor(10, TimeUnit.SECONDS);
            fail("the child ended before it was ready (exit " + exitCode() + "); it wrote:\n" + output);
        }
    }

    /** SIGKILL: no shutdown hook, no finally block runs in the child. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        assertTrue(process.waitFor(20, TimeUnit.SECONDS), "the killed child did not end");
        reader.join(5000);
    }

    /** Waits for the end and returns the exit code. */
    int finish(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("the child did not finish within " + timeout + "; it wrote:\n" + output);
        }
        reader.join(5000);
        return process.exitValue();
    }

    String output() {
        return output.toString();
    }

    private String exitCode() {
        return process.isAlive() ? "still running" : Integer.toString(process.exitValue());
    }
}
