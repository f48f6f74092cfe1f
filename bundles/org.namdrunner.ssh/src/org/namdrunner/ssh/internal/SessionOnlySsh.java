package org.namdrunner.ssh.internal;

import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.SessionOnlyConnection;

/**
 * {@link SshConnection#withoutLogin()}: besides the check before each call, a session that drops in the middle of
 * the call (a retried transfer, say) is not re-opened on this thread while it runs ({@link SessionHolder#sessionOnly}).
 */
final class SessionOnlySsh extends SessionOnlyConnection {

    SessionOnlySsh(SshConnection connection) {
        super(connection);
    }

    @Override
    protected <T> T call(Call<T> call) throws ClusterException {
        return SessionHolder.sessionOnly(call::run);
    }
}
