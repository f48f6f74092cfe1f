package org.namdrunner.help.tests;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.crypto.spec.PBEKeySpec;

import org.eclipse.core.runtime.ILog;
import org.eclipse.core.runtime.Platform;
import org.eclipse.core.runtime.Status;
import org.eclipse.equinox.security.storage.ISecurePreferences;
import org.eclipse.equinox.security.storage.SecurePreferencesFactory;
import org.eclipse.equinox.security.storage.provider.IProviderHints;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.store.ClusterProfileStore;
import org.namdrunner.help.internal.ProblemReport;
import org.namdrunner.help.internal.ReportProblemDialog;
import org.namdrunner.help.internal.ReportSources;
import org.namdrunner.help.internal.SavedSecrets;
import org.osgi.framework.BundleContext;
import org.osgi.framework.FrameworkUtil;
import org.osgi.framework.ServiceReference;

/**
 * Help > Report a Problem collects the Error Log, versions and profiles of the running workbench; secrets planted
 * in the secure storage, the log and a profile must not appear in it.
 */
class ReportProblemTest {

    private static final String SAVED_PASSWORD = "Pl4nted-Passw0rd-xyz";
    private static final String PASSPHRASE = "Pl4nted-Phrase-abc";
    private static final String KEY_BODY = "b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQ";
    private static final String TOTP = "JBSWY3DPEHPK3PXP";
    private static final String GITHUB_TOKEN = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String URL_PASSWORD = "urlPassw0rd";
    private static final String PREFIX_TOKEN = "Pl4nted-Token-999";
    private static final String KEY_FILE = "/home/jdoe/.ssh/id_Pl4nted";
    private static final List<String> SECRETS = List.of(SAVED_PASSWORD, PASSPHRASE, KEY_BODY, TOTP, GITHUB_TOKEN, URL_PASSWORD,
            PREFIX_TOKEN, KEY_FILE);

    @Test
    void theReportHasVersionsProfilesAndTheLogButNoPlantedSecret() throws Exception {
        Path file = Files.createTempDirectory("namdrunner-report").resolve("secure_storage");
        ISecurePreferences storage = SecurePreferencesFactory.open(file.toUri().toURL(),
                Map.of(IProviderHints.DEFAULT_PASSWORD, new PBEKeySpec("report-test".toCharArray()), IProviderHints.PROMPT_USER, false));
        storage.node("/org.namdrunner/credentials/jdoe@login.example.org").put("password", SAVED_PASSWORD, true);

        ILog log = ILog.of(ReportProblemTest.class);
        log.log(Status.error("Login to jdoe@login.example.org was refused after the person typed " + SAVED_PASSWORD));
        log.log(Status.warning("key loaded with passphrase=" + PASSPHRASE));
        log.log(Status.warning("pasted key:\n-----BEGIN OPENSSH PRIVATE KEY-----\n" + KEY_BODY + "\n-----END OPENSSH PRIVATE KEY-----"));
        log.log(Status.warning("authenticator set up from otpauth://totp/mfauser?secret=" + TOTP + "&issuer=lab"));
        log.log(Status.warning("plug-in update check sent token " + GITHUB_TOKEN));
        log.log(Status.warning("cloning https://jdoe:" + URL_PASSWORD + "@git.example.org/lab/inputs.git failed"));

        saveProfile(new ClusterProfile("report-test", "Report Test Cluster", "login.example.org", 22, "jdoe",
                ClusterProfile.AuthMethod.KEY, KEY_FILE, "", "export SLURM_API_TOKEN=" + PREFIX_TOKEN + " && module load slurm",
                List.of("export LAB_TOKEN=" + PREFIX_TOKEN), List.of("debug"), List.of(), List.of(), "/home/jdoe/p", "/home/jdoe/s",
                2, 1000, Duration.ofHours(1), Duration.ofSeconds(60)));

        String report = ProblemReport.build(ReportSources.fromWorkbench(new SavedSecrets(() -> storage)));

        assertTrue(report.contains("Report Test Cluster [report-test]: jdoe@login.example.org:22, login KEY, with a key file"), report);
        assertTrue(report.contains("java.version = " + System.getProperty("java.version")), report);
        assertTrue(report.contains("os.name = " + System.getProperty("os.name")), report);
        assertTrue(report.contains("org.namdrunner.help " + FrameworkUtil.getBundle(ProblemReport.class).getVersion()), report);
        assertTrue(report.contains("Jobs database: " + Path.of(System.getProperty("namdrunner.db")).toAbsolutePath().normalize()), report);
        assertTrue(report.contains("Login to jdoe@login.example.org was refused after the person typed [removed]"), report);
        assertTrue(report.contains("-----BEGIN") || report.contains("[private key removed]"), report);
        assertTrue(report.contains("== Error Log (" + Platform.getLogFileLocation().toOSString() + ")"), report);
        for (String secret : SECRETS) {
            assertFalse(report.contains(secret), "the report leaks " + secret + ":\n" + report);
        }
    }

    @Test
    void helpReportAProblemShowsTheReportToCopyOrSave() {
        ILog.of(ReportProblemTest.class).log(Status.warning("dialog check password=DialogPl4nted-secret"));
        OnScreen.display().asyncExec(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.namdrunner.help.reportProblem", null);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        OnScreen.waitUntil("the Report a Problem dialog", Duration.ofSeconds(30), () -> OnScreen.shell(ReportProblemDialog.TITLE).isPresent());
        Shell shell = OnScreen.sync(() -> OnScreen.shell(ReportProblemDialog.TITLE).orElseThrow());
        ReportProblemDialog dialog = OnScreen.sync(() -> (ReportProblemDialog) shell.getData());
        OnScreen.waitUntil("the report", Duration.ofSeconds(60), () -> dialog.shownText().contains("== Error Log"));
        String shown = OnScreen.sync(dialog::shownText);
        assertTrue(shown.contains("dialog check password=[removed]"), shown);
        assertFalse(shown.contains("DialogPl4nted-secret"), shown);
        OnScreen.capture(shell, "dialog-report-problem");
        OnScreen.run(dialog::close);
    }

    private static void saveProfile(ClusterProfile profile) throws Exception {
        BundleContext context = FrameworkUtil.getBundle(ReportProblemTest.class).getBundleContext();
        ServiceReference<ClusterProfileStore> ref = context.getServiceReference(ClusterProfileStore.class);
        assertTrue(ref != null, "the job store service runs");
        try {
            context.getService(ref).saveProfile(profile);
        } finally {
            context.ungetService(ref);
        }
    }
}
