package org.namdrunner.ui;

/** Ids other plug-ins may refer to: the perspective and views they can add to. */
public final class NamdRunnerUi {

    public static final String PLUGIN_ID = "org.namdrunner.ui";
    public static final String PERSPECTIVE_ID = "org.namdrunner.ui.perspective";
    public static final String JOBS_VIEW_ID = "org.namdrunner.ui.jobsView";

    private NamdRunnerUi() {
    }
}
