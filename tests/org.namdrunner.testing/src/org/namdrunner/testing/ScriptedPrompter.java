package org.namdrunner.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import org.namdrunner.core.cluster.CredentialPrompter;

/**
 * Answers login questions the way a person would, from a script, and records what was asked: the tests'
 * stand-in for the workbench's dialogs (the dialogs themselves are tested in the UI tests).
 */
public final class ScriptedPrompter implements CredentialPrompter {

    public final List<String> asked = new ArrayList<>();
    private String password;
    private String passphrase;
    private Function<Prompt, String> keyboard = p -> null;
    private HostKeyDecision hostKeyDecision = HostKeyDecision.REJECT;
    private String lastFingerprint;

    public ScriptedPrompter answerPassword(String p) {
        password = p;
        return this;
    }

    public ScriptedPrompter answerPassphrase(String p) {
        passphrase = p;
        return this;
    }

    /** Answers each keyboard-interactive prompt; null means the person cancels. */
    public ScriptedPrompter keyboard(Function<Prompt, String> answer) {
        keyboard = answer;
        return this;
    }

    public ScriptedPrompter hostKey(HostKeyDecision d) {
        hostKeyDecision = d;
        return this;
    }

    public String lastFingerprint() {
        return lastFingerprint;
    }

    @Override
    public synchronized Optional<char[]> password(String destination) {
        asked.add("password " + destination);
        return Optional.ofNullable(password).map(String::toCharArray);
    }

    @Override
    public synchronized Optional<char[]> passphrase(String keyFile) {
        asked.add("passphrase " + keyFile);
        return Optional.ofNullable(passphrase).map(String::toCharArray);
    }

    @Override
    public synchronized Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts) {
        List<char[]> answers = new ArrayList<>();
        for (Prompt p : prompts) {
            asked.add("keyboard " + p.text().strip());
            String a = keyboard.apply(p);
            if (a == null) {
                return Optional.empty();
            }
            answers.add(a.toCharArray());
        }
        return Optional.of(answers);
    }

    @Override
    public synchronized HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint) {
        asked.add("hostkey " + host + ":" + port + " " + keyType + " " + fingerprint);
        lastFingerprint = fingerprint;
        return hostKeyDecision;
    }
}
