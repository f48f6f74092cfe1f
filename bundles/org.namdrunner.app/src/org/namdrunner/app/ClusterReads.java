package org.namdrunner.app;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import org.eclipse.core.runtime.IProgressMonitor;
import org.namdrunner.core.cluster.ClusterConnection;
import org.namdrunner.core.cluster.ClusterConnectionProvider;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.NotConnectedException;
import org.namdrunner.core.jobtype.JobType;
import org.namdrunner.core.model.Job;

/**
 * The reads an editor makes on its own or when asked (log tail, folder listing), under the one rule for work
 * nobody asked for: a {@link Trigger#BACKGROUND} read (a page shown or restored, a timer, a sync's progress
 * read) uses the open session and never opens one; only a {@link Trigger#PERSON} read (Refresh pressed) may sign
 * in. A background read without a session throws {@link NotConnectedException}, whose message says what to press.
 */
public final class ClusterReads {

    /** Who started a read. */
    public enum Trigger {
        /** A person pressed something for this read: it may sign in (and ask for a password or an MFA approval). */
        PERSON,
        /** The workbench started it on its own: only the open session, never a login. */
        BACKGROUND
    }

    private final ClusterConnectionProvider connections;

    public ClusterReads(ClusterConnectionProvider connections) {
        this.connections = Objects.requireNonNull(connections);
    }

    /** The connection a read of this trigger may use. */
    public ClusterConnection connection(ClusterProfile profile, Trigger trigger) {
        ClusterConnection c = connections.connectionFor(profile);
        return trigger == Trigger.PERSON ? c : c.withoutLogin();
    }

    /**
     * The job's log as the Log page follows it ({@link JobLogs#refresh}: only the bytes added since the last read), on
     * the connection of this trigger. A read nobody asked for on a closed session sends nothing and throws
     * {@link NotConnectedException}; a person's read may sign in.
     */
    public Optional<LogView> refreshLog(LogProgress progress, Job job, JobType type, ClusterProfile profile, boolean plots,
            Trigger trigger, IProgressMonitor monitor) throws ClusterException {
        ClusterConnection c = connection(profile, trigger);
        if (trigger != Trigger.PERSON && !c.isConnected()) {
            throw new NotConnectedException(profile);
        }
        return JobLogs.refresh(progress, c, job, type, plots, trigger == Trigger.PERSON, monitor);
    }

    /** The files under {@code dir} with their sizes ({@link RemoteListing}). */
    public List<RemoteListing.RemoteFile> listFolder(ClusterProfile profile, String dir, Trigger trigger, IProgressMonitor monitor)
            throws ClusterException {
        return RemoteListing.list(connection(profile, trigger), dir, monitor);
    }
}
