package org.namdrunner.ui.tests;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.ui.IEditorPart;
import org.eclipse.ui.IEditorReference;
import org.eclipse.ui.forms.editor.IFormPage;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.internal.editor.JobEditor;

/** The job editor's pages, read through their widgets. */
public final class EditorTester {

    public static final List<String> PAGES = List.of("overview", "resources", "files", "history", "log");

    private EditorTester() {
    }

    public static JobEditor waitForEditor(String jobName, JobStatus status) {
        Ui.waitUntil("the job editor of " + jobName + " showing " + status, Duration.ofSeconds(30), () -> {
            JobEditor e = find(jobName);
            return e != null && e.snapshot() != null && e.snapshot().job().status() == status;
        });
        return Ui.sync(() -> find(jobName));
    }

    private static JobEditor find(String jobName) {
        for (IEditorReference r : Workbench.page().getEditorReferences()) {
            IEditorPart p = r.getEditor(false);
            if (p instanceof JobEditor e && jobName.equals(e.getEditorInput().getName())) {
                return e;
            }
        }
        return null;
    }

    public static Composite show(JobEditor editor, String pageId) {
        return Ui.sync(() -> {
            editor.showPage(pageId);
            IFormPage page = editor.getActivePageInstance();
            return page.getManagedForm().getForm().getBody();
        });
    }

    public static List<String> historyRows(JobEditor editor) {
        Composite body = show(editor, "history");
        return Ui.sync(() -> {
            Table t = Widgets.find(body, Table.class, x -> true, "history table");
            List<String> rows = new ArrayList<>();
            for (TableItem i : t.getItems()) {
                rows.add(i.getText(1) + " → " + i.getText(2));
            }
            return rows;
        });
    }

    /** "path  size" per row, once the sizes have been read from the cluster. */
    public static List<String> fileRows(JobEditor editor) {
        Composite body = show(editor, "files");
        Ui.waitUntil("the Files page to read the cluster", Duration.ofSeconds(30), () -> Widgets.text(body).contains(" files, "));
        return Ui.sync(() -> {
            Table t = Widgets.find(body, Table.class, x -> true, "files table");
            List<String> rows = new ArrayList<>();
            for (TableItem i : t.getItems()) {
                rows.add(i.getText(0) + "  " + i.getText(1));
            }
            return rows;
        });
    }

    public static String logSummary(JobEditor editor) {
        Composite body = show(editor, "log");
        Ui.waitUntil("the Log page to read the log", Duration.ofSeconds(30), () -> Widgets.text(body).startsWith("Step ")
                || Widgets.text(body).contains("could not"));
        return Ui.sync(() -> Widgets.find(body, Label.class, l -> !l.getText().isEmpty(), "log summary").getText());
    }

    /** One screenshot per page, named prefix-pageId, after each page has what it reads. */
    public static void screenshots(JobEditor editor, String prefix) throws Exception {
        for (String id : PAGES) {
            Composite body = show(editor, id);
            if (id.equals("files")) {
                Ui.waitUntil("the Files page to read the cluster", Duration.ofSeconds(30), () -> Widgets.text(body).contains(" files, "));
            }
            if (id.equals("log")) {
                Ui.waitUntil("the Log page to read the log", Duration.ofSeconds(30), () -> Widgets.text(body).contains("Step "));
            }
            Screenshots.capture(Workbench.window().getShell(), prefix + "-" + id);
        }
        show(editor, "overview");
    }
}
