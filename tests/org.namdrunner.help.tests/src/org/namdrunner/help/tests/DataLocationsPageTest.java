package org.namdrunner.help.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.eclipse.core.runtime.Platform;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.namdrunner.help.internal.DataLocationsPage;

/** Help > About > Installation Details > Data Locations lists where this run keeps its files and what chose each place. */
class DataLocationsPageTest {

    @Test
    void thePageShowsTheDatabaseWorkspaceLogAndKnownHostsOfThisRun() throws Exception {
        Path db = Path.of(System.getProperty("namdrunner.db")).toAbsolutePath().normalize();
        Path workspace = Path.of(Platform.getInstanceLocation().getURL().toURI()).toAbsolutePath().normalize();
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        List<String> rows = OnScreen.sync(() -> {
            Shell shell = new Shell(PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell(), SWT.SHELL_TRIM);
            shell.setText("Data Locations");
            shell.setLayout(new FillLayout());
            DataLocationsPage page = new DataLocationsPage();
            page.createControl(shell);
            shell.setSize(1000, 300);
            shell.open();
            List<String> r = List.of(page.rows());
            OnScreen.capture(shell, "about-data-locations");
            shell.close();
            return r;
        });
        assertEquals(6, rows.size(), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Home folder | " + home + " | user.home")), rows.toString());
        assertTrue(rows.contains("Jobs database | " + db + " | -Dnamdrunner.db"), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Workspace | " + workspace + " | -data")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Error Log | " + workspace.resolve(".metadata/.log") + " | osgi.logfile")), rows.toString());
        assertTrue(rows.stream().anyMatch(r -> r.startsWith("Known hosts | " + home.resolve(".ssh/known_hosts") + " | default")), rows.toString());
    }
}
