package org.namdrunner.ui.internal.editor;

import java.util.Optional;

import org.namdrunner.app.Backend;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterProfile;

/**
 * Which connection the job editor's reads use. A read a person asked for (opening a file, Load earlier, Refresh) may
 * log in; a read the editor starts on its own (follow-tail, the failure quotes on Overview) uses a session that is
 * open already and otherwise waits, so that no background read ever sends an MFA push. The one place to switch to the
 * app layer's shared policy when it exists.
 */
final class SessionPolicy {

    private SessionPolicy() {
    }

    /** The connection for a read the person asked for: it logs in when no session is open. */
    static ClusterConnection forUser(Backend backend, ClusterProfile profile) {
        return backend.connections().connectionFor(profile);
    }

    /** The connection for a read nobody asked for: only when its session is open now. */
    static Optional<ClusterConnection> ifOpen(Backend backend, ClusterProfile profile) {
        ClusterConnection c = backend.connections().connectionFor(profile);
        return c.isConnected() ? Optional.of(c) : Optional.empty();
    }
}
