package org.namdrunner.ssh.internal;

import org.namdrunner.core.cluster.CredentialPrompter;

/**
 * Implemented by prompters that may have no person behind them right now (headless runs, or the workbench
 * has not published its prompter yet). A login then fails PERMANENT saying what it needed, instead of
 * looking like a person who pressed Cancel.
 */
public interface Attendance {

    /** Whether a question asked now would reach a person. */
    boolean someoneToAsk();

    static boolean someoneToAsk(CredentialPrompter prompter) {
        return !(prompter instanceof Attendance a) || a.someoneToAsk();
    }
}
