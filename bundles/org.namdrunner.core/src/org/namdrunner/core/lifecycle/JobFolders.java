package org.namdrunner.core.lifecycle;

/** The fixed layout of a job's folder on the cluster. */
public final class JobFolders {

    public static final String INPUTS = "input_files";
    public static final String SCRIPTS = "scripts";
    public static final String OUTPUTS = "outputs";
    public static final String JOB_INFO = "job_info.json";

    private JobFolders() {
    }
}
