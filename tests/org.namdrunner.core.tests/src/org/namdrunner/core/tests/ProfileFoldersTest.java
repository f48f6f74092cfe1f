package org.namdrunner.core.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ProfileFolders;

/** The profile editor's rule: folders follow the user typed, unless the person typed them by hand. */
class ProfileFoldersTest {

    @Test
    void foldersFollowTheUser() {
        ProfileFolders f = ProfileFolders.of(UserNamesTest.profile("ralph", "/projects/ralph", "/scratch/alpine/ralph"));
        f.userChanged("ralphie@colostate.edu");
        assertEquals("/projects/ralphie@colostate.edu", f.projectsRoot());
        assertEquals("/scratch/alpine/ralphie@colostate.edu", f.scratchRoot());
        f.userChanged("jdoe@access-ci.org");
        assertEquals("/projects/jdoe@access-ci.org", f.projectsRoot());
        assertFalse(f.projectsRootByHand());
    }

    @Test
    void aFolderTypedByHandStaysAndTheOtherStillFollows() {
        ProfileFolders f = new ProfileFolders("/projects/{user}", "/scratch/alpine/{user}", "ralph");
        f.projectsRootEdited("/pl/active/lab/ralph");
        f.userChanged("ralphie@colostate.edu");
        assertEquals("/pl/active/lab/ralph", f.projectsRoot());
        assertTrue(f.projectsRootByHand());
        assertEquals("/scratch/alpine/ralphie@colostate.edu", f.scratchRoot());
        // typing the derived value back makes it follow again
        f.projectsRootEdited("/projects/ralphie@colostate.edu");
        f.userChanged("jdoe");
        assertEquals("/projects/jdoe", f.projectsRoot());
    }

    @Test
    void halfTypedOrHostileUsersLeaveTheFoldersAlone() {
        ProfileFolders f = new ProfileFolders("/projects/{user}", "/scratch/alpine/{user}", "ralph");
        assertEquals("/projects/ralph", f.projectsRoot());
        f.userChanged("");
        assertEquals("/projects/ralph", f.projectsRoot());
        f.userChanged("ralph; rm -rf ~");
        assertEquals("/projects/ralph", f.projectsRoot(), "a user the rules refuse never reaches a folder");
        f.userChanged("ralphie");
        assertEquals("/projects/ralphie", f.projectsRoot());
    }

    @Test
    void onlyWholeSegmentsBecomeTheTemplate() {
        assertEquals("/home/{user}/ralphie2", ProfileFolders.templateOf("/home/ralphie/ralphie2", "ralphie"));
        assertEquals("/data/shared", ProfileFolders.templateOf("/data/shared", "ralphie"));
        ProfileFolders fixed = ProfileFolders.of(UserNamesTest.profile("ralph", "/data/shared", "/scratch/ralph"));
        fixed.userChanged("other");
        assertEquals("/data/shared", fixed.projectsRoot());
        assertEquals("/scratch/other", fixed.scratchRoot());
    }
}
