package org.namdrunner.ssh.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.jcraft.jsch.UIKeyboardInteractive;
import com.jcraft.jsch.UserInfo;

import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.CredentialPrompter;

/**
 * JSch's questions during one login attempt, answered through the {@link CredentialPrompter}.
 * <p>
 * Secrets: the prompter hands over {@code char[]}, which is wiped as soon as it is copied; JSch's
 * {@link UserInfo} API only takes {@code String}, so one String per answer exists until JSch has used it
 * (it is handed out once and the reference dropped). Nothing is logged or kept beyond the attempt.
 * <p>
 * Once the person cancels, a question cannot be answered (no one to ask) or a secret was wrong too often,
 * every later question of this attempt is refused without asking: JSch would otherwise move on to the next
 * method and ask for a password right after the person cancelled the passphrase.
 */
final class PromptingUserInfo implements UserInfo, UIKeyboardInteractive {

    /** Like OpenSSH's NumberOfPasswordPrompts. */
    static final int MAX_SECRET_PROMPTS = 3;

    private final CredentialPrompter prompter;
    private final String destination;
    private final String keyFile;
    private final AuthMethod method;
    private String secret;
    private int passphrasePrompts;
    private int passwordPrompts;
    private volatile boolean askedSomeone;
    private volatile boolean cancelled;
    private volatile String unanswerable;
    private volatile String exhausted;
    private volatile String serverSaid;
    private volatile String rejectedPrompt;
    private final Set<String> answered = new HashSet<>();

    PromptingUserInfo(CredentialPrompter prompter, String destination, String keyFile, AuthMethod method) {
        this.prompter = prompter;
        this.destination = destination;
        this.keyFile = keyFile;
        this.method = method;
    }

    String destination() {
        return destination;
    }

    /** Whether a person was asked anything (then the attempt is not repeated automatically). */
    boolean askedSomeone() {
        return askedSomeone;
    }

    /** Whether the person cancelled a question. */
    boolean cancelled() {
        return cancelled;
    }

    /** What the login needed when no one was there to ask ("a password", ...), or null. */
    String unanswerable() {
        return unanswerable;
    }

    /** The secret that was wrong {@value #MAX_SECRET_PROMPTS} times ("passphrase", "password"), or null. */
    String exhausted() {
        return exhausted;
    }

    boolean someoneToAsk() {
        return Attendance.someoneToAsk(prompter);
    }

    void markAsked() {
        askedSomeone = true;
    }

    /** Records that a host key question could not be asked. */
    void noOneToAsk(String what) {
        unanswerable = what;
    }

    /** What the server wrote after an answer (e.g. Duo's "Invalid passcode, please try again."), or null. */
    String serverSaid() {
        return serverSaid;
    }

    /**
     * The prompt the server asked again after it was answered (a wrong password or Duo answer), or null. The attempt
     * then stops: asking the same question again without saying why would be a silent loop.
     */
    String rejectedPrompt() {
        return rejectedPrompt;
    }

    private boolean stopped() {
        return cancelled || unanswerable != null || exhausted != null || rejectedPrompt != null;
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
        return askPassword();
    }

    private boolean askPassword() {
        if (stopped()) {
            return false;
        }
        if (++passwordPrompts > MAX_SECRET_PROMPTS) {
            exhausted = "password";
            return false;
        }
        if (!someoneToAsk()) {
            unanswerable = "a password";
            return false;
        }
        askedSomeone = true;
        return keep(prompter.password(destination));
    }

    @Override
    public boolean promptPassphrase(String message) {
        if (stopped()) {
            return false;
        }
        if (++passphrasePrompts > MAX_SECRET_PROMPTS) {
            exhausted = "key passphrase";
            return false;
        }
        if (!someoneToAsk()) {
            unanswerable = "the passphrase of its key";
            return false;
        }
        askedSomeone = true;
        return keep(prompter.passphrase(keyFile.isEmpty() ? message : keyFile));
    }

    private boolean keep(Optional<char[]> answer) {
        if (answer == null || answer.isEmpty()) {
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
        if (message != null && !message.startsWith("WARNING: REMOTE HOST IDENTIFICATION HAS CHANGED")) {
            // (a changed host key is reported by the exception that refuses the connection)
            prompter.message(destination, message);
        }
    }

    @Override
    public String[] promptKeyboardInteractive(String dest, String name, String instruction, String[] prompt, boolean[] echo) {
        if (stopped()) {
            return null;
        }
        String text = ((name == null ? "" : name) + "\n" + (instruction == null ? "" : instruction)).strip();
        if (!answered.isEmpty() && !text.isEmpty()) {
            serverSaid = text;
        }
        if (prompt.length == 0) {
            // an information-only round (e.g. "Duo push sent"): show it, nothing to answer
            if (!text.isEmpty()) {
                prompter.message(destination, text);
            }
            return new String[0];
        }
        String asked = String.join("\n", prompt);
        if (answered.contains(asked)) {
            rejectedPrompt = firstLine(prompt[0]);
            return null;
        }
        if (method == AuthMethod.PASSWORD && prompt.length == 1 && !echo[0]
                && prompt[0].toLowerCase(Locale.ROOT).contains("password")) {
            // a password profile on a server that asks for the password through keyboard-interactive (PAM)
            if (askPassword()) {
                answered.add(asked);
                return new String[] { take() };
            }
            return null;
        }
        if (!someoneToAsk()) {
            unanswerable = "an answer to \"" + prompt[0].strip() + "\"";
            return null;
        }
        List<CredentialPrompter.Prompt> prompts = new ArrayList<>();
        for (int i = 0; i < prompt.length; i++) {
            prompts.add(new CredentialPrompter.Prompt(prompt[i], echo[i]));
        }
        askedSomeone = true;
        Optional<List<char[]>> answers = prompter.keyboardInteractive(destination, name, instruction, prompts);
        if (answers == null || answers.isEmpty()) {
            cancelled = true;
            return null;
        }
        List<char[]> list = answers.get();
        try {
            if (list.size() != prompt.length) {
                cancelled = true;
                return null;
            }
            String[] out = new String[prompt.length];
            for (int i = 0; i < out.length; i++) {
                out[i] = new String(list.get(i));
            }
            answered.add(asked);
            return out;
        } finally {
            list.forEach(a -> Arrays.fill(a, '\0'));
        }
    }

    private static String firstLine(String text) {
        return text.strip().lines().findFirst().orElse("").strip();
    }
}
