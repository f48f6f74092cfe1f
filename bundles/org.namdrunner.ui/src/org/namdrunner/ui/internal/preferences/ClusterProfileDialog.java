package org.namdrunner.ui.internal.preferences;

import java.util.Locale;
import java.util.Set;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.jface.layout.GridDataFactory;
import org.eclipse.jface.layout.GridLayoutFactory;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.TabFolder;
import org.eclipse.swt.widgets.TabItem;
import org.eclipse.swt.widgets.Text;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.InvalidInputException;

/**
 * Adds or edits one cluster profile: how to log in, how to prepare a shell and a job script, which partitions,
 * QoS and accounts exist, where job folders go, and the node limits. Every value is checked as it is typed by
 * the same rules the rest of NAMDRunner uses.
 */
public final class ClusterProfileDialog extends TitleAreaDialog {

    public static final String TITLE = "Cluster profile";

    /** Editing keeps the profile's id; adding and copying make a new one from the name. */
    public enum Mode { NEW, EDIT, COPY }

    private final ClusterProfile original;
    private final Set<String> takenIds;
    private final Mode mode;
    private ClusterProfile result;
    /** False until the dialog is on screen: an empty new profile starts with a prompt, not an error. */
    private boolean shown;
    private Text name;
    private Text host;
    private Text port;
    private Text user;
    private Combo auth;
    private Text keyFile;
    private Button browseKey;
    private Text transferHost;
    private Text commandPrefix;
    private Text moduleLines;
    private Text partitions;
    private Text qos;
    private Text accounts;
    private Text projectsRoot;
    private Text scratchRoot;
    private Text coresPerNode;
    private Text memoryPerNode;
    private Text maxWalltimeHours;
    private Text pollSeconds;

    /**
     * @param original the profile to edit or copy from, or null for a new one
     * @param takenIds ids a new profile must not use
     */
    public ClusterProfileDialog(Shell parent, ClusterProfile original, Set<String> takenIds, Mode mode) {
        super(parent);
        this.original = original;
        this.takenIds = takenIds;
        this.mode = original == null ? Mode.NEW : mode;
        setHelpAvailable(false);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(TITLE);
    }

    @Override
    protected boolean isResizable() {
        return true;
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        setTitle(mode == Mode.EDIT ? original.name() : mode == Mode.COPY ? "Copy of " + original.name() : "New cluster");
        setMessage("How to reach the cluster and what it offers. Passwords are never stored here.");
        TabFolder tabs = new TabFolder(area, SWT.TOP);
        GridDataFactory.fillDefaults().grab(true, true).applyTo(tabs);

        Composite login = tab(tabs, "Login");
        name = field(login, "Name:", "e.g. CU Boulder Alpine");
        host = field(login, "Host:", "login.example.edu");
        port = field(login, "Port:", "22");
        user = field(login, "User:", "your user name on the cluster");
        new Label(login, SWT.NONE).setText("Log in with:");
        auth = new Combo(login, SWT.READ_ONLY);
        auth.setItems(ProfileForm.AUTH_LABELS);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(auth);
        new Label(login, SWT.NONE).setText("Key file:");
        Composite key = new Composite(login, SWT.NONE);
        GridLayoutFactory.fillDefaults().numColumns(2).applyTo(key);
        GridDataFactory.fillDefaults().grab(true, false).applyTo(key);
        keyFile = new Text(key, SWT.BORDER);
        keyFile.setMessage("empty: ssh-agent or ~/.ssh/id_ed25519");
        GridDataFactory.fillDefaults().grab(true, false).applyTo(keyFile);
        browseKey = new Button(key, SWT.PUSH);
        browseKey.setText("Browse…");
        browseKey.addListener(SWT.Selection, e -> browseKey());
        transferHost = field(login, "Transfer host:", "empty: the login host (e.g. dtn.example.edu)");

        Composite slurm = tab(tabs, "SLURM");
        commandPrefix = field(slurm, "Command prefix:", "run before each SLURM command, e.g. module load slurm/alpine");
        new Label(slurm, SWT.NONE).setText("Module lines:");
        moduleLines = new Text(slurm, SWT.BORDER | SWT.MULTI | SWT.V_SCROLL);
        GridDataFactory.fillDefaults().grab(true, false).hint(300, 60).applyTo(moduleLines);
        partitions = field(slurm, "Partitions:", "comma-separated, the first is the default");
        qos = field(slurm, "QoS:", "comma-separated");
        accounts = field(slurm, "Accounts:", "comma-separated");

        Composite folders = tab(tabs, "Folders and limits");
        projectsRoot = field(folders, "Job folders under:", "/projects/you");
        scratchRoot = field(folders, "Working folders under:", "/scratch/you");
        coresPerNode = field(folders, "Cores per node:", "");
        memoryPerNode = field(folders, "Memory per node:", "e.g. 240GB");
        maxWalltimeHours = field(folders, "Longest walltime (hours):", "");
        pollSeconds = field(folders, "Sync every (seconds):", "at least 5; 60 or more is kind to the cluster");

        fill(original);
        if (mode == Mode.COPY) {
            name.setText("Copy of " + original.name());
        }
        ProfileForm.followUser(user, projectsRoot, scratchRoot, original);
        for (Text t : new Text[] { name, host, port, user, keyFile, transferHost, commandPrefix, moduleLines, partitions, qos,
                accounts, projectsRoot, scratchRoot, coresPerNode, memoryPerNode, maxWalltimeHours, pollSeconds }) {
            t.addListener(SWT.Modify, e -> validate());
        }
        auth.addListener(SWT.Selection, e -> validate());
        return area;
    }

    private static Composite tab(TabFolder tabs, String title) {
        TabItem item = new TabItem(tabs, SWT.NONE);
        item.setText(title);
        Composite c = new Composite(tabs, SWT.NONE);
        GridLayoutFactory.swtDefaults().numColumns(2).margins(10, 10).spacing(10, 8).applyTo(c);
        item.setControl(c);
        return c;
    }

    private static Text field(Composite c, String label, String hint) {
        new Label(c, SWT.NONE).setText(label);
        Text t = new Text(c, SWT.BORDER);
        t.setMessage(hint);
        GridDataFactory.fillDefaults().grab(true, false).hint(320, SWT.DEFAULT).applyTo(t);
        return t;
    }

    private void fill(ClusterProfile p) {
        if (p == null) {
            port.setText("22");
            auth.select(0);
            coresPerNode.setText("32");
            memoryPerNode.setText("128GB");
            maxWalltimeHours.setText("48");
            pollSeconds.setText("60");
            return;
        }
        name.setText(p.name());
        host.setText(p.host());
        port.setText(Integer.toString(p.port()));
        user.setText(p.user());
        auth.select(ProfileForm.authIndex(p.authMethod()));
        keyFile.setText(p.keyFile());
        transferHost.setText(p.transferHost());
        commandPrefix.setText(p.commandPrefix());
        moduleLines.setText(String.join("\n", p.moduleLines()));
        partitions.setText(String.join(", ", p.partitions()));
        qos.setText(String.join(", ", p.qos()));
        accounts.setText(String.join(", ", p.accounts()));
        projectsRoot.setText(p.projectsRoot());
        scratchRoot.setText(p.scratchRoot());
        coresPerNode.setText(Integer.toString(p.coresPerNode()));
        memoryPerNode.setText(ProfileForm.memoryText(p.memoryPerNodeMb()));
        maxWalltimeHours.setText(Long.toString(p.maxWalltime().toHours()));
        pollSeconds.setText(Long.toString(p.pollInterval().toSeconds()));
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        validate();
        shown = true;
    }

    private void validate() {
        boolean key = ProfileForm.auth(auth.getSelectionIndex()) == ClusterProfile.AuthMethod.KEY;
        keyFile.setEnabled(key);
        browseKey.setEnabled(key);
        String error = null;
        try {
            result = read();
        } catch (InvalidInputException e) {
            result = null;
            error = e.getMessage();
        }
        // before the person has typed anything, what is missing is not their mistake: OK waits, no red line
        setErrorMessage(shown ? error : null);
        Button ok = getButton(IDialogConstants.OK_ID);
        if (ok != null) {
            ok.setEnabled(error == null);
        }
    }

    private ClusterProfile read() {
        String id = mode == Mode.EDIT ? original.id() : newId();
        return new ClusterProfile(id, name.getText().strip(), host.getText().strip(),
                ProfileForm.number("port", "The port", port.getText()), user.getText().strip(),
                ProfileForm.auth(auth.getSelectionIndex()), keyFile.getText().strip(), transferHost.getText().strip(),
                commandPrefix.getText(), ProfileForm.lines(moduleLines.getText()), ProfileForm.list(partitions.getText()),
                ProfileForm.list(qos.getText()), ProfileForm.list(accounts.getText()), projectsRoot.getText().strip(),
                scratchRoot.getText().strip(), ProfileForm.number("coresPerNode", "Cores per node", coresPerNode.getText()),
                ProfileForm.memoryMb(memoryPerNode.getText()),
                ProfileForm.hours(ProfileForm.number("maxWalltime", "The longest walltime", maxWalltimeHours.getText())),
                java.time.Duration.ofSeconds(ProfileForm.number("pollInterval", "The sync interval", pollSeconds.getText())))
                // the dialog has no fields for QoS limits and billing: an edited or copied profile keeps its original's
                .withLimits(original == null ? null : original.limits());
    }

    private String newId() {
        String base = name.getText().strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (base.isEmpty()) {
            base = "cluster";
        }
        base = base.length() > 40 ? base.substring(0, 40) : base;
        String id = base;
        for (int i = 2; takenIds.contains(id); i++) {
            id = base + "-" + i;
        }
        return id;
    }

    private void browseKey() {
        FileDialog d = new FileDialog(getShell(), SWT.OPEN);
        d.setText("Choose your private key");
        d.setFilterPath(System.getProperty("user.home") + "/.ssh");
        String f = d.open();
        if (f != null) {
            keyFile.setText(f);
        }
    }

    @Override
    protected void okPressed() {
        if (result != null) {
            super.okPressed();
        }
    }

    /** The profile as entered, or null when cancelled. */
    public ClusterProfile result() {
        return getReturnCode() == OK ? result : null;
    }
}
