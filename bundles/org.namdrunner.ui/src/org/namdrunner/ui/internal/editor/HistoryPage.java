package org.namdrunner.ui.internal.editor;

import java.util.function.Function;

import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.ColumnLabelProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.viewers.TableViewerColumn;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Image;
import org.eclipse.ui.forms.IManagedForm;
import org.namdrunner.core.model.StatusChange;
import org.namdrunner.ui.internal.views.JobTimes;
import org.namdrunner.ui.internal.views.StatusStyle;

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
        column("When", 150, c -> JobTimes.fullTime(c.at()), null);
        column("From", 110, c -> c.from() == null ? "" : c.from().label(), null);
        column("To", 130, c -> c.to().label(), c -> jobEditor().image(StatusStyle.icon(c.to())));
        column("By", 60, c -> c.source().key(), null);
        column("Evidence", 420, StatusChange::detail, null);
        GridDataFactory.fillDefaults().grab(true, true).hint(700, 300).applyTo(table.getControl());
        form.getToolkit().adapt(table.getTable());
    }

    private void column(String title, int width, Function<StatusChange, String> text, Function<StatusChange, Image> image) {
        TableViewerColumn col = new TableViewerColumn(table, SWT.LEFT);
        col.getColumn().setText(title);
        col.getColumn().setWidth(width);
        col.setLabelProvider(new ColumnLabelProvider() {
            @Override
            public String getText(Object element) {
                return text.apply((StatusChange) element);
            }

            @Override
            public Image getImage(Object element) {
                return image == null ? null : image.apply((StatusChange) element);
            }
        });
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
