package org.namdrunner.ui.internal.editor;

import org.eclipse.jface.action.ToolBarManager;
import org.eclipse.ui.forms.IManagedForm;
import org.eclipse.ui.forms.editor.FormPage;
import org.eclipse.ui.forms.widgets.ScrolledForm;
import org.eclipse.ui.menus.IMenuService;
import org.namdrunner.ui.internal.views.StatusStyle;

/**
 * A page of the job editor. Its controls are made when the page is first shown; the latest snapshot is shown
 * then and every time the job changes.
 */
abstract class JobFormPage extends FormPage {

    static final String TOOLBAR_URI = "toolbar:org.namdrunner.ui.jobEditor";

    private JobSnapshot snapshot;
    private boolean built;
    private IMenuService menus;
    private ToolBarManager toolbar;
    private JobEditorActions actions;

    JobFormPage(JobEditor editor, String id, String title) {
        super(editor, id, title);
    }

    @Override
    protected final void createFormContent(IManagedForm managedForm) {
        ScrolledForm form = managedForm.getForm();
        managedForm.getToolkit().decorateFormHeading(form.getForm());
        // our commands, bound to this editor's job; then what other plug-ins add to the editor's toolbar
        actions = new JobEditorActions(getSite());
        actions.fill(form.getToolBarManager());
        menus = getSite().getService(IMenuService.class);
        if (menus != null && form.getToolBarManager() instanceof ToolBarManager tb) {
            menus.populateContributionManager(tb, TOOLBAR_URI);
            toolbar = tb;
        }
        form.updateToolBar();
        build(managedForm);
        built = true;
        if (snapshot != null) {
            show(snapshot);
        }
    }

    final void setSnapshot(JobSnapshot s) {
        snapshot = s;
        if (built && getManagedForm() != null && !getManagedForm().getForm().isDisposed()) {
            show(s);
        }
    }

    private void show(JobSnapshot s) {
        ScrolledForm form = getManagedForm().getForm();
        form.setText(s.job().name() + "  —  " + s.job().status().label());
        form.setImage(((JobEditor) getEditor()).image(StatusStyle.icon(s.job().status())));
        if (actions != null) {
            actions.setJob(s.job());
        }
        update(s);
        form.reflow(true);
    }

    /** Whether this page's toolbar offers the command for the editor's job (for tests). */
    public boolean toolbarEnabled(String commandId) {
        return toolbar != null && toolbar.find(commandId) instanceof org.eclipse.jface.action.ActionContributionItem item
                && item.getAction().isEnabled();
    }

    JobSnapshot snapshot() {
        return snapshot;
    }

    JobEditor jobEditor() {
        return (JobEditor) getEditor();
    }

    /** Gives back what {@link #createFormContent} took from the menu service: its items and their listeners. */
    @Override
    public void dispose() {
        if (menus != null && toolbar != null) {
            menus.releaseContributions(toolbar);
            toolbar = null;
        }
        super.dispose();
    }

    abstract void build(IManagedForm form);

    abstract void update(JobSnapshot s);
}
