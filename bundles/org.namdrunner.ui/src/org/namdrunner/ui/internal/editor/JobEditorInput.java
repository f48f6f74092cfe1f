package org.namdrunner.ui.internal.editor;

import java.util.Objects;

import org.eclipse.jface.resource.ImageDescriptor;
import org.eclipse.ui.IEditorInput;
import org.eclipse.ui.IPersistableElement;

/** Opens one job in the job editor; two inputs for the same job id are the same editor. */
public final class JobEditorInput implements IEditorInput {

    private final String jobId;
    private final String name;

    public JobEditorInput(String jobId, String name) {
        this.jobId = Objects.requireNonNull(jobId);
        this.name = Objects.requireNonNull(name);
    }

    public String jobId() {
        return jobId;
    }

    @Override
    public boolean exists() {
        return false;
    }

    @Override
    public ImageDescriptor getImageDescriptor() {
        return ImageDescriptor.createFromURL(JobEditorInput.class.getResource("/icons/tool/open.png"));
    }

    @Override
    public String getName() {
        return name;
    }

    @Override
    public IPersistableElement getPersistable() {
        return null;
    }

    @Override
    public String getToolTipText() {
        return "Job " + name + " (" + jobId + ")";
    }

    @Override
    public <T> T getAdapter(Class<T> adapter) {
        return null;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof JobEditorInput other && other.jobId.equals(jobId);
    }

    @Override
    public int hashCode() {
        return jobId.hashCode();
    }
}
