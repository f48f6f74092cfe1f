package org.namdrunner.core.cluster;

/**
 * Background work found no open session and, as it must, did not open one (see {@link ClusterConnection#withoutLogin()}).
 * TRANSIENT, so a poll counts it like any other outage, but never retried: another try would need the login that
 * was just refused.
 */
public final class NotConnectedException extends ClusterException {

    private static final long serialVersionUID = 1L;

    public NotConnectedException(ClusterProfile profile) {
        super(FailureKind.TRANSIENT, message(profile));
    }

    /** What the person reads: that nothing signed in on its own, and what to press to sign in. */
    public static String message(ClusterProfile profile) {
        String name = profile == null ? "the cluster" : profile.name();
        return "Not connected to " + name + ": background reads never sign in (a login could send a Duo push you did "
                + "not ask for). Press Sync, or Refresh on this page, to sign in.";
    }
}
