package org.namdrunner.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.CredentialPrompter;

/** The adapter between JSch's questions and the CredentialPrompter, without a server. */
class PromptingUserInfoTest {

    /** Hands out fresh char arrays and keeps them, to see that they were wiped. */
    private static final class Handing implements CredentialPrompter {
        final List<char[]> handedOut = new ArrayList<>();
        final List<String> asked = new ArrayList<>();
        final List<String> messages = new ArrayList<>();
        String answer = "s3cret";

        private char[] fresh() {
            char[] c = answer.toCharArray();
            handedOut.add(c);
            return c;
        }

        @Override
        public Optional<char[]> password(String destination) {
            asked.add("password " + destination);
            return answer == null ? Optional.empty() : Optional.of(fresh());
        }

        @Override
        public Optional<char[]> passphrase(String keyFile) {
            asked.add("passphrase " + keyFile);
            return answer == null ? Optional.empty() : Optional.of(fresh());
        }

        @Override
        public Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts) {
            asked.add("keyboard " + prompts.size());
            if (answer == null) {
                return Optional.empty();
            }
            List<char[]> out = new ArrayList<>();
            for (int i = 0; i < prompts.size(); i++) {
                out.add(fresh());
            }
            return Optional.of(out);
        }

        @Override
        public HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint) {
            return HostKeyDecision.REJECT;
        }

        @Override
        public void message(String destination, String text) {
            messages.add(text);
        }
    }

    private static boolean wiped(char[] c) {
        for (char x : c) {
            if (x != 0) {
                return false;
            }
        }
        return true;
    }

    @Test
    void answersAreHandedToJSchOnceAndTheCharArraysAreWiped() {
        Handing p = new Handing();
        PromptingUserInfo info = new PromptingUserInfo(p, "u@h", "/k", AuthMethod.KEY);
        assertTrue(info.promptPassphrase("Passphrase for /k"));
        assertEquals("s3cret", info.getPassphrase());
        assertNull(info.getPassphrase(), "handed out once");
        String[] kbd = info.promptKeyboardInteractive("u@h", "", "", new String[] { "Password: ", "Code: " }, new boolean[] { false, true });
        assertArrayEquals(new String[] { "s3cret", "s3cret" }, kbd);
        assertEquals(3, p.handedOut.size());
        assertTrue(p.handedOut.stream().allMatch(PromptingUserInfoTest::wiped), "every char[] was wiped after use");
        assertTrue(info.askedSomeone());
        assertEquals(List.of("passphrase /k", "keyboard 2"), p.asked);
    }

    @Test
    void afterCancelNothingMoreIsAsked() {
        Handing p = new Handing();
        p.answer = null;
        PromptingUserInfo info = new PromptingUserInfo(p, "u@h", "", AuthMethod.KEY);
        assertFalse(info.promptPassphrase("Passphrase for k"));
        assertTrue(info.cancelled());
        p.answer = "later";
        assertFalse(info.promptPassword("Password for u@h"), "JSch moves on to the next method; the person is not asked again");
        assertNull(info.promptKeyboardInteractive("u@h", "", "", new String[] { "Password:" }, new boolean[] { false }));
        assertEquals(1, p.asked.size(), p.asked.toString());
    }

    @Test
    void aSecretIsAskedAtMostThreeTimes() {
        Handing p = new Handing();
        PromptingUserInfo info = new PromptingUserInfo(p, "u@h", "", AuthMethod.PASSWORD);
        for (int i = 0; i < 3; i++) {
            assertTrue(info.promptPassword("Password for u@h"));
            info.getPassword();
        }
        assertFalse(info.promptPassword("Password for u@h"));
        assertEquals("password", info.exhausted());
        assertEquals(3, p.asked.size());
    }

    @Test
    void aPasswordProfileAnswersAPamPasswordPromptWithThePasswordQuestion() {
        Handing p = new Handing();
        PromptingUserInfo info = new PromptingUserInfo(p, "u@h", "", AuthMethod.PASSWORD);
        assertArrayEquals(new String[] { "s3cret" },
                info.promptKeyboardInteractive("u@h", "", "", new String[] { "Password: " }, new boolean[] { false }));
        assertEquals(List.of("password u@h"), p.asked);
        PromptingUserInfo ki = new PromptingUserInfo(p, "u@h", "", AuthMethod.KEYBOARD_INTERACTIVE);
        ki.promptKeyboardInteractive("u@h", "", "", new String[] { "Password: " }, new boolean[] { false });
        assertEquals("keyboard 1", p.asked.get(1), "a keyboard-interactive profile shows the server's prompt as it is");
    }

    @Test
    void anInformationOnlyRoundIsShownNotAsked() {
        Handing p = new Handing();
        PromptingUserInfo info = new PromptingUserInfo(p, "u@h", "", AuthMethod.KEYBOARD_INTERACTIVE);
        assertArrayEquals(new String[0], info.promptKeyboardInteractive("u@h", "Duo", "Pushed a login request to your phone.",
                new String[0], new boolean[0]));
        assertTrue(p.asked.isEmpty());
        assertEquals(List.of("Duo\nPushed a login request to your phone."), p.messages);
    }

    @Test
    void withNoOneToAskTheNeedIsRecordedAndNothingIsAsked() {
        PromptingUserInfo info = new PromptingUserInfo(NoOneToAsk.INSTANCE, "u@h", "", AuthMethod.KEYBOARD_INTERACTIVE);
        assertNull(info.promptKeyboardInteractive("u@h", "", "", new String[] { "Verification code: " }, new boolean[] { false }));
        assertEquals("an answer to \"Verification code:\"", info.unanswerable());
        assertFalse(info.cancelled());
        assertFalse(info.askedSomeone());
    }
}
