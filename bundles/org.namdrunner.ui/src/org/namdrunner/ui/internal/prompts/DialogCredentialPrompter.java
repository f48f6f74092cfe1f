package org.namdrunner.ui.internal.prompts;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Status;
import org.eclipse.jface.dialogs.MessageDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchWindow;
import org.eclipse.ui.PlatformUI;
import org.namdrunner.core.cluster.CredentialPrompter;

/**
 * The workbench's {@link CredentialPrompter}, published as an OSGi service for the SSH transport. Its methods
 * are called by background jobs that must wait for the person's answer, so they block on
 * {@link Display#syncExec}; that is safe only because the UI thread never waits for those jobs (it never takes
 * their locks or joins them). Saved secrets come from and go to {@link SecretStore}, and only when the person
 * ticks "save".
 */
public final class DialogCredentialPrompter implements CredentialPrompter {

    public static final String NOT_SAVED_TITLE = "Password not saved";
    static final String PASSWORD = "password";
    static final String PASSPHRASE = "passphrase";
    /** A saved secret offered again within this time was evidently refused: ask the person instead. */
    private static final Duration RETRY_WINDOW = Duration.ofMinutes(2);

    private final SecretStore secrets;
    private final Map<String, Instant> offeredSaved = new ConcurrentHashMap<>();

    public DialogCredentialPrompter() {
        this(new SecretStore());
    }

    public DialogCredentialPrompter(SecretStore secrets) {
        this.secrets = secrets;
    }

    @Override
    public Optional<char[]> password(String destination) {
        return secret(PASSWORD, destination, "Password for " + destination + ":");
    }

    @Override
    public Optional<char[]> passphrase(String keyFile) {
        return secret(PASSPHRASE, keyFile, "Passphrase of the key " + keyFile + ":");
    }

    private Optional<char[]> secret(String kind, String destination, String prompt) {
        String note = null;
        Optional<char[]> saved = secrets.get(kind, destination);
        if (saved.isPresent()) {
            if (!recentlyOffered(kind, destination)) {
                return saved;
            }
            note = "The saved " + kind + " was not accepted. Type it again.";
            Arrays.fill(saved.get(), '\0');
        }
        String heading = kind.equals(PASSWORD) ? "Log in to " + destination : "Unlock your SSH key";
        List<char[]> answers = ask(heading, null, List.of(new Prompt(prompt, false)), 0, null, note, kind, destination);
        return answers == null ? Optional.empty() : Optional.of(answers.get(0));
    }

    @Override
    public Optional<List<char[]>> keyboardInteractive(String destination, String name, String instruction, List<Prompt> prompts) {
        if (prompts.isEmpty()) {
            return Optional.of(List.of());
        }
        int pw = LoginDialog.passwordPrompt(prompts);
        char[] saved = null;
        String note = null;
        if (pw >= 0) {
            saved = secrets.get(PASSWORD, destination).orElse(null);
            if (saved != null && recentlyOffered(PASSWORD, destination)) {
                note = "The saved password was not accepted. Type it again.";
                saved = null;
            }
            if (saved != null && prompts.size() == 1) {
                return Optional.of(List.of(saved));
            }
        }
        String heading = "Log in to " + destination + (name == null || name.isBlank() ? "" : " (" + name.strip() + ")");
        List<char[]> answers = ask(heading, instruction, prompts, pw, saved, note, PASSWORD, destination);
        if (saved != null) {
            Arrays.fill(saved, '\0');
        }
        return Optional.ofNullable(answers);
    }

    private boolean recentlyOffered(String kind, String destination) {
        Instant now = Instant.now();
        Instant before = offeredSaved.put(kind + " " + destination, now);
        return before != null && Duration.between(before, now).compareTo(RETRY_WINDOW) < 0;
    }

    private List<char[]> ask(String heading, String instruction, List<Prompt> prompts, int savable, char[] prefill, String note,
            String kind, String destination) {
        AtomicReference<Boolean> save = new AtomicReference<>(false);
        List<char[]> answers = onUi(() -> {
            LoginDialog d = new LoginDialog(parentShell(), heading, instruction, prompts, savable, prefill, note);
            d.open();
            save.set(d.saveChosen());
            return d.answers();
        }, null);
        if (answers != null && save.get() && savable >= 0) {
            String refused = secrets.put(kind, destination, answers.get(savable));
            if (refused != null) {
                onUi(() -> {
                    MessageDialog.openWarning(parentShell(), NOT_SAVED_TITLE, "The " + kind + " for " + destination
                            + " was not saved. " + refused);
                    return null;
                }, null);
            } else {
                offeredSaved.remove(kind + " " + destination);
            }
        }
        return answers;
    }

    @Override
    public HostKeyDecision unknownHostKey(String host, int port, String keyType, String fingerprint) {
        return onUi(() -> new HostKeyDialog(parentShell(), host, port, keyType, fingerprint).ask(), HostKeyDecision.REJECT);
    }

    @Override
    public void message(String destination, String text) {
        if (text != null && !text.isBlank()) {
            ILog.of(getClass()).log(Status.info("Message from " + destination + ": " + text.strip()));
        }
    }

    private static <T> T onUi(Supplier<T> dialog, T whenNoWorkbench) {
        if (!PlatformUI.isWorkbenchRunning()) {
            return whenNoWorkbench;
        }
        Display display = PlatformUI.getWorkbench().getDisplay();
        if (display.isDisposed()) {
            return whenNoWorkbench;
        }
        if (Display.getCurrent() == display) {
            // a login started on the UI thread is a bug elsewhere; answer anyway rather than deadlock
            ILog.of(DialogCredentialPrompter.class).log(Status.warning("A login was started on the UI thread.", new IllegalStateException()));
            return dialog.get();
        }
        AtomicReference<T> result = new AtomicReference<>(whenNoWorkbench);
        display.syncExec(() -> result.set(dialog.get()));
        return result.get();
    }

    /** The top-most open modal dialog (a login may be asked for from the preferences), else the workbench window. */
    private static Shell parentShell() {
        Display d = PlatformUI.getWorkbench().getDisplay();
        Shell top = null;
        for (Shell s : d.getShells()) {
            if (s.isVisible() && (s.getStyle() & (org.eclipse.swt.SWT.APPLICATION_MODAL | org.eclipse.swt.SWT.PRIMARY_MODAL)) != 0) {
                top = s;
            }
        }
        if (top != null) {
            return top;
        }
        IWorkbenchWindow w = PlatformUI.getWorkbench().getActiveWorkbenchWindow();
        if (w != null) {
            return w.getShell();
        }
        IWorkbenchWindow[] all = PlatformUI.getWorkbench().getWorkbenchWindows();
        return all.length > 0 ? all[0].getShell() : d.getActiveShell();
    }
}
