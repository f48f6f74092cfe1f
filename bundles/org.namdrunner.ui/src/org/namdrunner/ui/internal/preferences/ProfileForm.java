package org.namdrunner.ui.internal.preferences;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.ClusterProfile.AuthMethod;
import org.namdrunner.core.cluster.ProfileFolders;
import org.namdrunner.core.model.InvalidInputException;

/** Text fields of the profile dialog to and from a {@link ClusterProfile}; ClusterProfile's own checks decide. */
final class ProfileForm {

    static final String[] AUTH_LABELS = { "SSH key (or ssh-agent)", "Password", "Password and second factor (e.g. Duo)" };
    static final AuthMethod[] AUTH_METHODS = { AuthMethod.KEY, AuthMethod.PASSWORD, AuthMethod.KEYBOARD_INTERACTIVE };

    private ProfileForm() {
    }

    static List<String> list(String commaSeparated) {
        return Arrays.stream(commaSeparated.split("[,\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static List<String> lines(String text) {
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static int number(String field, String label, String text) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException(field, label + " must be a whole number, not '" + text.strip() + "'.");
        }
    }

    /** Reads the memory field: "240GB", "512MB" or a bare number of GB. */
    static long memoryMb(String text) {
        String t = text.strip().toUpperCase();
        try {
            if (t.endsWith("MB") || t.endsWith("M")) {
                return Long.parseLong(t.replaceAll("M[B]?$", "").strip());
            }
            return Long.parseLong(t.replaceAll("G[B]?$", "").strip()) * 1024;
        } catch (NumberFormatException e) {
            throw new InvalidInputException("memoryPerNodeMb", "Memory per node must be a number of GB (or end in MB), not '"
                    + text.strip() + "'.");
        }
    }

    static String memoryText(long mb) {
        return mb % 1024 == 0 ? (mb / 1024) + "GB" : mb + "MB";
    }

    static AuthMethod auth(int index) {
        return AUTH_METHODS[Math.max(0, index)];
    }

    static int authIndex(AuthMethod m) {
        return Arrays.asList(AUTH_METHODS).indexOf(m);
    }

    static Duration hours(int h) {
        return Duration.ofHours(h);
    }

    /**
     * Editing the user updates the job roots derived from it ({@link ProfileFolders}) unless the person typed them
     * by hand. Call before the fields' own validation listeners are added.
     */
    static void followUser(Text user, Text projectsRoot, Text scratchRoot, ClusterProfile original) {
        if (original == null) {
            return;
        }
        ProfileFolders folders = ProfileFolders.of(original);
        boolean[] updating = { false };
        user.addListener(SWT.Modify, e -> {
            folders.userChanged(user.getText());
            updating[0] = true;
            try {
                show(projectsRoot, folders.projectsRoot());
                show(scratchRoot, folders.scratchRoot());
            } finally {
                updating[0] = false;
            }
        });
        projectsRoot.addListener(SWT.Modify, e -> {
            if (!updating[0]) {
                folders.projectsRootEdited(projectsRoot.getText());
            }
        });
        scratchRoot.addListener(SWT.Modify, e -> {
            if (!updating[0]) {
                folders.scratchRootEdited(scratchRoot.getText());
            }
        });
    }

    private static void show(Text field, String text) {
        if (!field.getText().equals(text)) {
            field.setText(text);
        }
    }
}
