package org.namdrunner.ui.internal.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;

/**
 * One file of a job on the cluster, for the read-only viewer; two inputs for the same file on the same cluster are the
 * same viewer.
 *
 * @param label the path as the Files page shows it (relative to the job's folder)
 */
public record RemoteFileInput(String jobId, String jobName, ClusterProfile profile, String remotePath, String label)
        implements IEditorInput {

    public RemoteFileInput {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(jobName, "jobName");
        Objects.requireNonNull(profile, "profile");
        RemotePaths.checkAbsolute("remotePath", remotePath);
        Objects.requireNonNull(label, "label");
    }

    String fileName() {
        return remotePath.substring(remotePath.lastIndexOf('/') + 1);
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.createFromURL(RemoteFileInput.class.getResource("/icons/tool/open.png"));
    }

    @Override
    public String getName() {
        return fileName();
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return remotePath + " on " + profile.name() + " (job " + jobName + ")";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RemoteFileInput other && other.profile.id().equals(profile.id()) && other.remotePath.equals(remotePath);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profile.id(), remotePath);
    }
}
