package org.namdrunner.ssh.internal;

import java.util.List;
import java.util.Optional;

import org.namdrunner.core.cluster.CredentialPrompter;

/** The prompter of headless runs: answers nothing, and says so, so key and agent logins still work. */
public final class NoOneToAsk implements CredentialPrompter, Attendance {

    public static final NoOneToAsk INSTANCE = new NoOneToAsk();

    private NoOneToAsk() {
    }

    @Override
    public boolean someoneToAsk() {
        return false;
    }

    @Override
    public Optional<char[]> password(String destination) {
        return Optional.empty();
    }

    @Override
    public Optional<char[]> passphrase(String keyFile) {
        return Optional.empty();
    }

    @Override
    public Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts) {
        return Optional.empty();
    }

    @Override
    public HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint) {
        return HostKeyDecision.REJECT;
    }
}
