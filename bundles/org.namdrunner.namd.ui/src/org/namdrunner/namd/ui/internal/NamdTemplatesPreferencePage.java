package org.namdrunner.namd.ui.internal;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.jface.window.Window;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.namdrunner.namd.NamdTemplate;
import org.namdrunner.namd.NamdTemplates;
import org.namdrunner.namd.TemplateExchange;
import org.namdrunner.ui.Problems;
import org.namdrunner.ui.widgets.TableColumns;

/**
 * NAMD Templates: the built-in templates and the person's own (stored in the job database), with Add, Edit, Delete,
 * Import and Export. Every change is written at once, in a background job; the list is read again afterwards.
 * Built-in templates can be copied (Add starts from the selected one) and exported, not changed or deleted.
 */
public final class NamdTemplatesPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ID = "org.namdrunner.ui.preferences.namdTemplates";
    public static final String ADD = "Add…";
    public static final String EDIT = "Edit…";
    public static final String DELETE = "Delete";
    public static final String IMPORT = "Import…";
    public static final String EXPORT = "Export…";
    public static final String DELETE_TITLE = "Delete template";

    private NamdTemplates catalog;
    private TableViewer table;
    private Button edit;
    private Button delete;
    private Button export;
    private volatile List<NamdTemplate> shown = List.of();

    public NamdTemplatesPreferencePage() {
        setDescription("Config templates for NAMD jobs. Built-in ones can be copied and exported; yours are kept in the job database.");
        noDefaultAndApplyButton();
    }

    @Override
    public void init(IWorkbench workbench) {
        catalog = NamdTemplates.fromServices();
    }

    /** For tests and for a caller that brings its own catalog. */
    public void setCatalog(NamdTemplates catalog) {
        this.catalog = catalog;
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(c);
        table = new TableViewer(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.MULTI);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        TableColumns<NamdTemplate> columns = new TableColumns<>(table, NamdTemplate.class);
        columns.add("Name", 290, NamdTemplate::name);
        columns.add("Id", 120, NamdTemplate::id);
        columns.add("Origin", 65, t -> t.builtIn() ? "built-in" : "yours");
        GridDataFactory.fillDefaults().grab(true, true).hint(480, 240).applyTo(table.getControl());
        Composite buttons = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(buttons, ADD, this::add);
        edit = button(buttons, EDIT, this::edit);
        delete = button(buttons, DELETE, this::delete);
        button(buttons, IMPORT, this::chooseImport);
        export = button(buttons, EXPORT, this::chooseExport);
        table.addSelectionChangedListener(e -> updateButtons());
        table.addDoubleClickListener(e -> edit());
        reload(null);
        return c;
    }

    private static Button button(Composite parent, String label, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> action.run());
        GridDataFactory.fillDefaults().applyTo(b);
        return b;
    }

    /** What the table shows now. */
    public List<NamdTemplate> shown() {
        return shown;
    }

    /** Selects the rows of these template ids (as a click would). */
    public void select(String... ids) {
        List<String> wanted = List.of(ids);
        table.setSelection(new org.eclipse.jface.viewers.StructuredSelection(shown.stream().filter(t -> wanted.contains(t.id())).toList()),
                true);
        updateButtons();
    }

    private List<NamdTemplate> selected() {
        List<NamdTemplate> out = new ArrayList<>();
        for (Object o : table.getStructuredSelection().toList()) {
            out.add((NamdTemplate) o);
        }
        return out;
    }

    private void updateButtons() {
        List<NamdTemplate> s = selected();
        edit.setEnabled(s.size() == 1 && !s.get(0).builtIn());
        delete.setEnabled(!s.isEmpty() && s.stream().noneMatch(NamdTemplate::builtIn));
        export.setEnabled(true);
    }

    private void add() {
        List<NamdTemplate> s = selected();
        NamdTemplate start = s.size() == 1 ? new NamdTemplate(s.get(0).id() + "-copy", s.get(0).name() + " (copy)",
                s.get(0).description(), s.get(0).text(), s.get(0).variables(), false) : null;
        NamdTemplateDialog d = new NamdTemplateDialog(getShell(), start, false);
        if (d.open() == Window.OK && d.result() != null) {
            NamdTemplate t = d.result();
            run("Saving template " + t.name(), () -> catalog.save(List.of(t)), "Saved " + t.name() + ".");
        }
    }

    private void edit() {
        List<NamdTemplate> s = selected();
        if (s.size() != 1 || s.get(0).builtIn()) {
            return;
        }
        NamdTemplateDialog d = new NamdTemplateDialog(getShell(), s.get(0), true);
        if (d.open() == Window.OK && d.result() != null) {
            NamdTemplate t = d.result();
            run("Saving template " + t.name(), () -> catalog.save(List.of(t)), "Saved " + t.name() + ".");
        }
    }

    private void delete() {
        List<NamdTemplate> s = selected().stream().filter(t -> !t.builtIn()).toList();
        if (s.isEmpty() || !MessageDialog.openConfirm(getShell(), DELETE_TITLE, "Delete " + s.size() + " template(s) ("
                + String.join(", ", s.stream().map(NamdTemplate::name).toList()) + ")? Jobs created from them are not changed.")) {
            return;
        }
        run("Deleting templates", () -> {
            for (NamdTemplate t : s) {
                catalog.delete(t.id());
            }
        }, "Deleted " + s.size() + " template(s).");
    }

    private void chooseImport() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setText("Import NAMD templates");
        d.setFilterExtensions(new String[] { "*.json", "*" });
        String chosen = d.open();
        if (chosen != null) {
            importFrom(Path.of(chosen));
        }
    }

    private void chooseExport() {
        FileDialog d = new FileDialog(getShell(), SWT.SAVE);
        d.setText("Export NAMD templates");
        d.setFilterExtensions(new String[] { "*.json" });
        d.setFileName("namd-templates.json");
        d.setOverwrite(true);
        String chosen = d.open();
        if (chosen != null) {
            List<NamdTemplate> s = selected();
            exportTo(Path.of(chosen), s.isEmpty() ? shown.stream().filter(t -> !t.builtIn()).toList() : s);
        }
    }

    /** Reads a template file and stores all its templates or none; the outcome is shown on the page. */
    public void importFrom(Path file) {
        run("Importing templates from " + file.getFileName(), () -> {
            List<NamdTemplate> read = TemplateExchange.importInto(Files.readString(file, StandardCharsets.UTF_8), catalog);
            setDoneMessage("Imported " + read.size() + " template(s) from " + file.getFileName() + ".");
        }, null);
    }

    /** Writes the templates to a file (replacing it). */
    public void exportTo(Path file, List<NamdTemplate> templates) {
        if (templates.isEmpty()) {
            setErrorMessage("There is nothing to export: select templates, or add your own first.");
            return;
        }
        // written aside and moved in whole: a reader (or a crash) never sees half an export
        run("Exporting templates to " + file.getFileName(), () -> {
            Path part = file.resolveSibling(file.getFileName() + ".part");
            Files.writeString(part, TemplateExchange.write(templates), StandardCharsets.UTF_8);
            Files.move(part, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }, "Exported " + templates.size() + " template(s) to " + file + ".");
    }

    private volatile String doneMessage;

    private void setDoneMessage(String message) {
        doneMessage = message;
    }

    /** Work that touches the store or a file, in a background job; then the list is read again and the outcome shown. */
    private void run(String what, Work work, String done) {
        Display display = getShell().getDisplay();
        doneMessage = done;
        Job job = Job.create(what, monitor -> {
            IStatus result;
            try {
                work.run();
                result = Status.OK_STATUS;
            } catch (Exception e) {
                result = Problems.of(what, e);
            }
            IStatus r = result;
            display.asyncExec(() -> reload(page -> {
                if (r.isOK()) {
                    page.setErrorMessage(null);
                    page.setMessage(doneMessage);
                } else {
                    page.setErrorMessage(r.getMessage());
                }
            }));
            return Status.OK_STATUS;
        });
        job.setUser(false);
        job.schedule();
    }

    private void reload(Consumer<NamdTemplatesPreferencePage> then) {
        Display display = getShell() != null ? getShell().getDisplay() : Display.getCurrent();
        Job.create("Reading NAMD templates", monitor -> {
            List<NamdTemplate> all;
            String problem = null;
            try {
                all = catalog.all();
            } catch (Exception e) {
                all = new ArrayList<>(org.namdrunner.namd.BuiltInTemplates.all());
                problem = Problems.of("Reading your templates", e).getMessage();
            }
            List<NamdTemplate> list = List.copyOf(all);
            String p = problem;
            display.asyncExec(() -> {
                if (table == null || table.getControl().isDisposed()) {
                    return;
                }
                shown = list;
                table.setInput(list);
                updateButtons();
                if (p != null) {
                    setErrorMessage(p);
                }
                if (then != null) {
                    then.accept(this);
                }
            });
        }).schedule();
    }

    /** Store or file work that may fail. */
    @FunctionalInterface
    private interface Work {
        void run() throws Exception;
    }
}
