package org.namdrunner.ssh.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

import org.namdrunner.core.cluster.CredentialPrompter;

/**
 * JSch's questions, answered through the {@link CredentialPrompter}. Answers live only as long as JSch
 * needs them; nothing is stored here beyond one login attempt.
 */
final class PromptingUserInfo implements UserInfo, UIKeyboardInteractive {

    private final CredentialPrompter prompter;
    private final String destination;
    private final String keyFile;
    private String secret;
    private boolean cancelled;

    PromptingUserInfo(CredentialPrompter prompter, String destination, String keyFile) {
        this.prompter = prompter;
        this.destination = destination;
        this.keyFile = keyFile;
    }

    /** Whether the person cancelled a prompt (then the login failure is theirs, not the cluster's). */
    boolean cancelled() {
        return cancelled;
    }

    @Override
    public String getPassphrase() {
        return take();
    }

    @Override
    public String getPassword() {
        return take();
    }

    private String take() {
        String s = secret;
        secret = null;
        return s;
    }

    @Override
    public boolean promptPassword(String message) {
        return answer(prompter.password(destination));
    }

    @Override
    public boolean promptPassphrase(String message) {
        return answer(prompter.passphrase(keyFile.isEmpty() ? message : keyFile));
    }

    private boolean answer(Optional<char[]> answer) {
        if (answer.isEmpty()) {
            cancelled = true;
            return false;
        }
        char[] chars = answer.get();
        secret = new String(chars);
        Arrays.fill(chars, '\0');
        return true;
    }

    @Override
    public boolean promptYesNo(String message) {
        // host keys are decided by VerifyingHostKeys; anything else JSch asks is refused
        return false;
    }

    @Override
    public void showMessage(String message) {
        prompter.message(destination, message);
    }

    @Override
    public String[] promptKeyboardInteractive(String dest, String name, String instruction, String[] prompt, boolean[] echo) {
        List<CredentialPrompter.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < prompt.length; i++) {
            prompts.add(new CredentialPrompter.Prompt(prompt[i], echo[i]));
        }
        Optional<List<char[]>> answers = prompter.keyboardInteractive(destination, name, instruction, prompts);
        if (answers.isEmpty() || answers.get().size() != prompt.length) {
            cancelled = true;
            return null;
        }
        String[] out = new String[prompt.length];
        for (int i = 0; i < out.length; i++) {
            char[] a = answers.get().get(i);
            out[i] = new String(a);
            Arrays.fill(a, '\0');
        }
        return out;
    }
}
