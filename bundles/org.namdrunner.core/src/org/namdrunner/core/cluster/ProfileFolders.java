package org.namdrunner.core.cluster;

import java.util.Objects;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.validation.InputRules;

/**
 * The two job roots of a profile editor, derived from the user typed in it: {@code /projects/{user}} and
 * {@code /scratch/alpine/{user}} become {@code /projects/ralphie@colostate.edu} and so on. Editing the user
 * updates a root as long as it still is what its template gives; once the person typed something else there, that
 * root is theirs and the user no longer changes it (typing the derived value back makes it follow again).
 * No UI here: the editor reports each edit and shows {@link #projectsRoot()} / {@link #scratchRoot()}.
 */
public final class ProfileFolders {

    public static final String USER_PLACEHOLDER = "{user}";

    private final Root projects;
    private final Root scratch;
    private String user;

    /**
     * @param projectsTemplate e.g. {@code /projects/{user}}, or a fixed folder
     * @param scratchTemplate  e.g. {@code /scratch/alpine/{user}}, or a fixed folder
     * @param user             the user the editor starts with, may be empty
     */
    public ProfileFolders(String projectsTemplate, String scratchTemplate, String user) {
        this.user = user == null ? "" : user.strip();
        this.projects = new Root(projectsTemplate);
        this.scratch = new Root(scratchTemplate);
    }

    /** For a stored profile: the segments equal to its user become {@code {user}} again. */
    public static ProfileFolders of(ClusterProfile profile) {
        return new ProfileFolders(templateOf(profile.projectsRoot(), profile.user()),
                templateOf(profile.scratchRoot(), profile.user()), profile.user());
    }

    /** {@code /projects/ralphie} with user {@code ralphie} gives {@code /projects/{user}}; whole path segments only. */
    public static String templateOf(String folder, String user) {
        if (folder == null || user == null || user.isEmpty()) {
            return folder == null ? "" : folder;
        }
        String[] parts = folder.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            if (parts[i].equals(user)) {
                parts[i] = USER_PLACEHOLDER;
            }
        }
        return String.join("/", parts);
    }

    /** The person changed the user field; roots that still follow it are updated. */
    public void userChanged(String newUser) {
        user = newUser == null ? "" : newUser.strip();
    }

    /** The person (not the editor) changed the projects root field to {@code text}. */
    public void projectsRootEdited(String text) {
        projects.edited(text, user);
    }

    /** The person (not the editor) changed the scratch root field to {@code text}. */
    public void scratchRootEdited(String text) {
        scratch.edited(text, user);
    }

    /** What the projects root field should show now. */
    public String projectsRoot() {
        return projects.text(user);
    }

    /** What the scratch root field should show now. */
    public String scratchRoot() {
        return scratch.text(user);
    }

    /** Whether the person typed the projects root by hand (so the user no longer changes it). */
    public boolean projectsRootByHand() {
        return projects.byHand != null;
    }

    public boolean scratchRootByHand() {
        return scratch.byHand != null;
    }

    private static boolean usable(String user) {
        try {
            InputRules.checkUserName("user", user);
            return true;
        } catch (InvalidInputException e) {
            return false;
        }
    }

    /** One root: a template that follows the user, or the text the person typed. */
    private static final class Root {
        private final String template;
        private String byHand;
        private String lastDerived;

        Root(String template) {
            this.template = Objects.requireNonNullElse(template, "");
            if (!this.template.contains(USER_PLACEHOLDER)) {
                byHand = this.template;
            }
        }

        String text(String user) {
            if (byHand != null) {
                return byHand;
            }
            // while the user field holds something that is not a user name, the root keeps its last good value
            if (usable(user)) {
                lastDerived = template.replace(USER_PLACEHOLDER, user);
            }
            return lastDerived == null ? template : lastDerived;
        }

        void edited(String text, String user) {
            String t = text == null ? "" : text.strip();
            String derived = template.contains(USER_PLACEHOLDER) && usable(user) ? template.replace(USER_PLACEHOLDER, user) : null;
            byHand = t.equals(derived) && derived != null ? null : t;
            if (byHand == null) {
                lastDerived = derived;
            }
        }
    }
}
