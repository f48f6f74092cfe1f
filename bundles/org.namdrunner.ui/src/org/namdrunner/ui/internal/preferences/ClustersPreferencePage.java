package org.namdrunner.ui.internal.preferences;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.jface.preference.PreferencePage;
import org.eclipse.jface.viewers.ArrayContentProvider;
import org.eclipse.jface.viewers.TableViewer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.IWorkbenchPreferencePage;
import org.eclipse.swt.widgets.Display;
import org.namdrunner.core.cluster.ClusterCheck;
import org.namdrunner.core.cluster.ClusterException;
import org.namdrunner.core.cluster.ClusterProfile;
import org.osgi.framework.FrameworkUtil;
import org.osgi.util.tracker.ServiceTracker;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.ui.Problems;
import org.namdrunner.ui.internal.preferences.ClusterProfileDialog.Mode;
import org.namdrunner.ui.internal.prompts.SecretStore;
import org.namdrunner.app.Backend;
import org.namdrunner.ui.internal.services.BackendTracker;
import org.namdrunner.app.Profiles;
import org.namdrunner.ui.widgets.TableColumns;

/**
 * The cluster profiles: the built-in ones (which a person may adapt, and reset) and their own. Changes are
 * kept on the page and written to the job database in the background when the person presses Apply or OK.
 */
public final class ClustersPreferencePage extends PreferencePage implements IWorkbenchPreferencePage {

    public static final String ADD = "Add…";
    public static final String EDIT = "Edit…";
    public static final String COPY = "Copy…";
    public static final String REMOVE = "Remove";
    public static final String FORGET = "Forget saved passwords";
    public static final String TEST = "Test connection";
    public static final String TEST_OK_TITLE = "Connection works";

    private Profiles profiles;
    private final Map<String, ClusterProfile> working = new LinkedHashMap<>();
    private final Set<String> changed = new HashSet<>();
    private final Set<String> removed = new HashSet<>();
    private TableViewer table;
    private Button edit;
    private Button copy;
    private Button remove;
    private Button test;

    private final BackendTracker backend = new BackendTracker();
    private ServiceTracker<ClusterCheck, ClusterCheck> checks;

    public ClustersPreferencePage() {
        setDescription("The clusters NAMDRunner can submit to. Built-in ones can be adapted, and reset.");
        noDefaultAndApplyButton();
    }

    @Override
    public void init(IWorkbench workbench) {
        checks = new ServiceTracker<>(FrameworkUtil.getBundle(ClustersPreferencePage.class).getBundleContext(), ClusterCheck.class, null);
        checks.open();
        profiles = backend.current().map(Backend::profiles).orElse(null);
        if (profiles != null) {
            profiles.all().forEach(p -> working.put(p.id(), p));
        }
    }

    @Override
    protected Control createContents(Composite parent) {
        Composite c = new Composite(parent, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(c);
        if (profiles == null) {
            new Label(c, SWT.WRAP).setText("NAMDRunner is still starting. Close the preferences and open them again in a moment.");
            return c;
        }
        table = new TableViewer(c, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE);
        table.getTable().setHeaderVisible(true);
        table.getTable().setLinesVisible(true);
        table.setContentProvider(ArrayContentProvider.getInstance());
        TableColumns<ClusterProfile> columns = new TableColumns<>(table, ClusterProfile.class);
        columns.add("Name", 150, ClusterProfile::name);
        columns.add("Login", 150, p -> (p.user().isEmpty() ? "" : p.user() + "@") + p.host() + (p.port() == 22 ? "" : ":" + p.port()));
        columns.add("Origin", 80, p -> profiles.isBuiltIn(p.id()) ? (changed.contains(p.id()) || profiles.isEdited(p.id())
                ? "adapted" : "built-in") : "yours");
        GridDataFactory.fillDefaults().grab(true, true).hint(385, 220).applyTo(table.getControl());

        Composite buttons = new Composite(c, SWT.NONE);
        GridLayoutFactory.fillDefaults().applyTo(buttons);
        GridDataFactory.fillDefaults().align(SWT.FILL, SWT.BEGINNING).applyTo(buttons);
        button(buttons, ADD, this::add);
        edit = button(buttons, EDIT, this::edit);
        copy = button(buttons, COPY, this::copy);
        remove = button(buttons, REMOVE, this::remove);
        test = button(buttons, TEST, this::testConnection);
        new Label(buttons, SWT.NONE);
        button(buttons, FORGET, this::forgetPasswords);
        if (!profiles.canSave()) {
            setErrorMessage("Changes cannot be saved: the profile store is not running. See the Error Log.");
        }
        table.addSelectionChangedListener(e -> updateButtons());
        table.addDoubleClickListener(e -> edit());
        refresh();
        return c;
    }

    private Button button(Composite parent, String label, Runnable action) {
        Button b = new Button(parent, SWT.PUSH);
        b.setText(label);
        b.addListener(SWT.Selection, e -> action.run());
        GridDataFactory.fillDefaults().applyTo(b);
        return b;
    }

    private ClusterProfile selected() {
        Object o = table.getStructuredSelection().getFirstElement();
        return o instanceof ClusterProfile p ? p : null;
    }

    private void updateButtons() {
        ClusterProfile p = selected();
        boolean canSave = profiles.canSave();
        edit.setEnabled(p != null && canSave);
        copy.setEnabled(p != null && canSave);
        remove.setEnabled(p != null && canSave && (!profiles.isBuiltIn(p.id()) || changed.contains(p.id()) || profiles.isEdited(p.id())));
        remove.setText(p != null && profiles.isBuiltIn(p.id()) ? "Reset" : REMOVE);
        test.setEnabled(p != null);
        remove.getParent().layout(true);
    }

    private void refresh() {
        table.setInput(new ArrayList<>(working.values()));
        updateButtons();
    }

    private void add() {
        open(null, Mode.NEW);
    }

    private void edit() {
        ClusterProfile p = selected();
        if (p != null && profiles.canSave()) {
            open(p, Mode.EDIT);
        }
    }

    private void copy() {
        ClusterProfile p = selected();
        if (p != null) {
            open(p, Mode.COPY);
        }
    }

    private void open(ClusterProfile p, Mode mode) {
        ClusterProfileDialog d = new ClusterProfileDialog(getShell(), p, Set.copyOf(working.keySet()), mode);
        if (d.open() == ClusterProfileDialog.OK && d.result() != null) {
            ClusterProfile r = d.result();
            working.put(r.id(), r);
            changed.add(r.id());
            removed.remove(r.id());
            refresh();
        }
    }

    private void remove() {
        ClusterProfile p = selected();
        if (p == null) {
            return;
        }
        boolean builtIn = profiles.isBuiltIn(p.id());
        String q = builtIn ? "Reset " + p.name() + " to the built-in settings? Your changes to it are lost."
                : "Remove the cluster " + p.name() + "? Jobs on it stay in the list, but cannot be synced until you add it again.";
        if (!MessageDialog.openQuestion(getShell(), builtIn ? "Reset cluster" : "Remove cluster", q)) {
            return;
        }
        changed.remove(p.id());
        removed.add(p.id());
        if (builtIn) {
            working.put(p.id(), profiles.builtIn(p.id()).orElse(p));
        } else {
            working.remove(p.id());
        }
        refresh();
    }

    /**
     * Checks, with the profile as shown (saved or not), what a job needs from the cluster (ClusterCheck: login, SLURM
     * commands after the prefix, partitions/QoS/accounts, both job folders, the transfer host), in the background, and
     * shows each part; the person may fill the profile from what the cluster reports.
     */
    private void testConnection() {
        ClusterProfile p = selected();
        Backend b = backend.current().orElse(null);
        ClusterCheck check = checks == null ? null : checks.getService();
        if (p == null || b == null) {
            return;
        }
        if (check == null) {
            MessageDialog.openError(getShell(), "Connection test unavailable", "The SLURM plug-in that checks clusters is not "
                    + "running. See the Error Log.");
            return;
        }
        Display display = getShell().getDisplay();
        Job job = Job.create("Testing the connection to " + p.name(), monitor -> {
            List<ClusterCheck.Result> results;
            try {
                results = check.check(b.connections().connectionFor(p), monitor);
            } catch (RuntimeException e) {
                results = List.of(new ClusterCheck.Result("Login", ClusterCheck.Level.ERROR,
                        Problems.of("Could not log in to " + p.name(), e).getMessage()));
            }
            b.sync().connectionChanged(p.id());
            List<ClusterCheck.Result> shown = results;
            display.asyncExec(() -> report(p, shown, check));
            return Status.OK_STATUS;
        });
        job.schedule();
    }

    private void report(ClusterProfile p, List<ClusterCheck.Result> results, ClusterCheck check) {
        if (table == null || table.getControl().isDisposed()) {
            return;
        }
        boolean canFill = profiles.canSave() && results.stream().anyMatch(r -> r.part().equals("Login") && r.ok());
        ConnectionReportDialog d = new ConnectionReportDialog(getShell(), p.name(), results, canFill);
        if (d.open() != ConnectionReportDialog.FILL_ID) {
            return;
        }
        Backend b = backend.current().orElse(null);
        if (b == null) {
            return;
        }
        Display display = getShell().getDisplay();
        Job.create("Reading partitions, QoS and accounts of " + p.name(), monitor -> {
            try {
                ClusterProfile proposed = check.survey(b.connections().connectionFor(p), monitor).proposeFor(p);
                display.asyncExec(() -> {
                    if (table != null && !table.getControl().isDisposed()) {
                        working.put(proposed.id(), proposed);
                        changed.add(proposed.id());
                        refresh();
                        setMessage("Filled " + p.name() + " from the cluster: partitions " + String.join(", ", proposed.partitions())
                                + "; QoS " + String.join(", ", proposed.qos()) + ". Press Apply to keep it.");
                    }
                });
                return Status.OK_STATUS;
            } catch (ClusterException e) {
                return Problems.of("Could not read the partitions and QoS of " + p.name(), e);
            }
        }).schedule();
    }

    private void forgetPasswords() {
        if (MessageDialog.openQuestion(getShell(), FORGET, "Forget every password and passphrase NAMDRunner saved in secure storage? "
                + "You will be asked for them at the next login.")) {
            Job forget = Job.create("Forgetting saved passwords", (org.eclipse.core.runtime.jobs.IJobFunction) monitor -> {
                new SecretStore().removeAll();
                return Status.OK_STATUS;
            });
            forget.schedule();
        }
    }

    @Override
    public boolean performOk() {
        if (profiles == null || (changed.isEmpty() && removed.isEmpty())) {
            return true;
        }
        List<ClusterProfile> toSave = changed.stream().map(working::get).toList();
        List<String> toRemove = List.copyOf(removed);
        Profiles target = profiles;
        Job save = Job.create("Saving cluster profiles", monitor -> {
            try {
                for (String id : toRemove) {
                    target.remove(id);
                }
                for (ClusterProfile p : toSave) {
                    target.save(p);
                }
                return Status.OK_STATUS;
            } catch (StoreException e) {
                return Problems.of("The cluster profiles could not be saved", e);
            }
        });
        save.schedule();
        changed.clear();
        removed.clear();
        return true;
    }

    /** The profiles as the page shows them (for tests). */
    public List<ClusterProfile> shownProfiles() {
        return new ArrayList<>(working.values());
    }

    @Override
    public void dispose() {
        backend.close();
        if (checks != null) {
            checks.close();
        }
        super.dispose();
    }
}
