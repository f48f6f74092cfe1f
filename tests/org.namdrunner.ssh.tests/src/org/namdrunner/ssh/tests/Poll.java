package org.namdrunner.ssh.tests;

import java.time.Duration;
import java.util.concurrent.Callable;

/** Waits for a condition with a deadline (never a fixed sleep that hopes). */
final class Poll {

    private Poll() {
    }

    static void until(String what, Duration deadline, Callable<Boolean> condition) throws Exception {
        long end = System.nanoTime() + deadline.toNanos();
        while (!condition.call()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("not within " + deadline.toSeconds() + " s: " + what);
            }
            Thread.sleep(50);
        }
    }
}
