package org.namdrunner.ui.internal.editor;

import java.util.Optional;

import org.namdrunner.app.Backend;
import org.namdrunner.app.ClusterReads;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterProfile;

/**
 * Which connection the job editor's reads use. A read a person asked for (opening a file, Load earlier, Refresh) may
 * log in; a read the editor starts on its own (follow-tail, the failure quotes on Overview) uses a session that is
 * open already and otherwise waits, so that no background read ever sends an MFA push. Both go through the app
 * layer's one policy ({@link ClusterReads}): a background read's connection also refuses to reopen a session that
 * drops while it reads.
 */
final class SessionPolicy {

    private SessionPolicy() {
    }

    /** The connection for a read the person asked for: it logs in when no session is open. */
    static ClusterConnection forUser(Backend backend, ClusterProfile profile) {
        return backend.reads().connection(profile, ClusterReads.Trigger.PERSON);
    }

    /** The connection for a read nobody asked for: only when its session is open now. */
    static Optional<ClusterConnection> ifOpen(Backend backend, ClusterProfile profile) {
        ClusterConnection c = backend.reads().connection(profile, ClusterReads.Trigger.BACKGROUND);
        return c.isConnected() ? Optional.of(c) : Optional.empty();
    }
}
