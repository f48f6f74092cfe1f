package org.namdrunner.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Host fields of known_hosts lines (hashed ones are checked against ssh-keygen -H in SshConnectionTest). */
class HostPatternsTest {

    @Test
    void namesPatternsAndNegations() {
        assertTrue(HostPatterns.matches("login.rc.colorado.edu,10.1.2.3", "login.rc.colorado.edu"));
        assertTrue(HostPatterns.matches("LOGIN.rc.colorado.edu", "login.rc.colorado.edu"), "host names ignore case");
        assertFalse(HostPatterns.matches("login.rc.colorado.edu", "[login.rc.colorado.edu]:2222"), "a port must be named");
        assertFalse(HostPatterns.matches("[login.rc.colorado.edu]:2222", "login.rc.colorado.edu"));
        assertTrue(HostPatterns.matches("*.rc.colorado.edu", "dtn.rc.colorado.edu"));
        assertTrue(HostPatterns.matches("login?.example", "login1.example"));
        assertFalse(HostPatterns.matches("*.rc.colorado.edu,!evil.rc.colorado.edu", "evil.rc.colorado.edu"));
        assertFalse(HostPatterns.matches("a.b", "a-b"), "a dot is a dot, not a regex");
        assertFalse(HostPatterns.matches("|1|bad", "a"));
        assertFalse(HostPatterns.matches("|1|!!!|???", "a"), "garbage hashes do not match or throw");
    }
}
