package org.namdrunner.testing;

import java.util.function.Function;

import org.namdrunner.core.cluster.CredentialPrompter.Prompt;

/**
 * What a person types at the twin's keyboard-interactive login of the Duo user (tests/cluster/pam_duo_standin.c):
 * the password at "Password: ", then at Duo's menu ("... Passcode or option (1-3): ") a passcode or "1" for a push.
 */
public final class DuoAnswers {

    /** The last line of Duo's menu prompt, as pam_duo prints it. */
    public static final String MENU = "Passcode or option (1-3):";

    private DuoAnswers() {
    }

    public static boolean isDuoMenu(Prompt p) {
        return p.text().contains(MENU);
    }

    /** Password, then the configured passcode (accepted at once). */
    public static Function<Prompt, String> passcode(TestCluster c) {
        return answer(c, c.get("duoPasscode"));
    }

    /** Password, then "1": Duo Push, approved after the twin's push delay (duoPushSeconds). */
    public static Function<Prompt, String> push(TestCluster c) {
        return answer(c, "1");
    }

    /** Password, then {@code duo}: e.g. a wrong passcode. */
    public static Function<Prompt, String> answer(TestCluster c, String duo) {
        String password = c.get("duoPassword");
        return p -> isDuoMenu(p) ? duo : password;
    }
}
