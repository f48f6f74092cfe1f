package org.namdrunner.ui;

/** Ids other plug-ins may refer to: the perspective, views, editor, commands and menus they can add to. */
public final class NamdRunnerUi {

    public static final String PLUGIN_ID = "org.namdrunner.ui";
    public static final String PERSPECTIVE_ID = "org.namdrunner.ui.perspective";
    public static final String JOBS_VIEW_ID = "org.namdrunner.ui.jobsView";
    public static final String JOB_EDITOR_ID = "org.namdrunner.ui.jobEditor";
    public static final String NEW_JOB_WIZARD_ID = "org.namdrunner.ui.newJobWizard";

    public static final String COMMAND_NEW_JOB = "org.namdrunner.ui.newJob";
    public static final String COMMAND_IMPORT_FROM_CLUSTER = "org.namdrunner.ui.importFromCluster";
    public static final String COMMAND_SUBMIT = "org.namdrunner.ui.submit";
    public static final String COMMAND_SYNC_SELECTED = "org.namdrunner.ui.syncSelected";
    public static final String COMMAND_SYNC_ALL = "org.namdrunner.ui.syncAll";
    public static final String COMMAND_CANCEL = "org.namdrunner.ui.cancel";
    public static final String COMMAND_DELETE = "org.namdrunner.ui.delete";
    public static final String COMMAND_DOWNLOAD = "org.namdrunner.ui.downloadResults";
    public static final String COMMAND_OPEN = "org.namdrunner.ui.open";
    public static final String COMMAND_CLUSTER_PREFERENCES = "org.namdrunner.ui.clusterPreferences";

    public static final String CLUSTERS_PREFERENCE_PAGE_ID = "org.namdrunner.ui.preferences.clusters";
    public static final String SYNC_PREFERENCE_PAGE_ID = "org.namdrunner.ui.preferences.sync";

    /** The extension point through which plug-ins add wizard pages for their job type. */
    public static final String JOB_TYPE_PAGES_POINT = "org.namdrunner.ui.jobTypePages";

    public static final String PROGRESS_VIEW_ID = "org.eclipse.ui.views.ProgressView";
    public static final String ERROR_LOG_VIEW_ID = "org.eclipse.pde.runtime.LogView";

    private NamdRunnerUi() {
    }
}
