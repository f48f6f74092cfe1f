package org.namdrunner.ui.internal.editor;


import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.ui.forms.IManagedForm;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.ui.internal.views.JobTimes;
import org.namdrunner.ui.internal.views.StatusStyle;
import org.namdrunner.ui.widgets.TableColumns;

/** Every status change of the job, oldest first, with who caused it and the scheduler's evidence. */
final class HistoryPage extends JobFormPage {

    static final String ID = "history";

    private TableViewer table;

    HistoryPage(JobEditor editor) {
        super(editor, ID, "History");
    }

    @Override
    void build(IManagedForm form) {
        var body = form.getForm().getBody();
        GridLayoutFactory.swtDefaults().applyTo(body);
        table = new TableViewer(body, SWT.BORDER | SWT.FULL_SELECTION);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        TableColumns<StatusChange> columns = new TableColumns<>(table, StatusChange.class);
        columns.add("When", 150, c -> JobTimes.fullTime(c.at()));
        columns.add("From", 110, c -> c.from() == null ? "" : c.from().label());
        columns.add("To", 130, SWT.LEFT, c -> c.to().label(), c -> jobEditor().image(StatusStyle.icon(c.to())));
        columns.add("By", 60, c -> c.source().key());
        columns.add("Evidence", 420, StatusChange::detail);
        GridDataFactory.fillDefaults().grab(true, true).hint(700, 300).applyTo(table.getControl());
        form.getToolkit().adapt(table.getTable());
    }

    @Override
    void update(JobSnapshot s) {
        table.setInput(s.history());
    }

    /** The rows as shown: "FROM → TO" per change (for tests). */
    java.util.List<String> rows() {
        java.util.List<String> out = new java.util.ArrayList<>();
        for (var item : table.getTable().getItems()) {
            out.add(item.getText(1) + " → " + item.getText(2));
        }
        return out;
    }
}
