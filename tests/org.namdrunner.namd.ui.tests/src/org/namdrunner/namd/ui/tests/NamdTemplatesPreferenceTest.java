package org.namdrunner.namd.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.eclipse.jface.preference.PreferenceDialog;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.eclipse.ui.dialogs.PreferencesUtil;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.namdrunner.namd.NamdTemplate;
import org.namdrunner.namd.NamdTemplates;
import org.namdrunner.namd.TemplateExchange;
import org.namdrunner.namd.ui.internal.NamdTemplateDialog;
import org.namdrunner.namd.ui.internal.NamdTemplatesPreferencePage;
import org.namdrunner.ui.tests.Ui;
import org.namdrunner.ui.tests.Widgets;
import org.namdrunner.ui.tests.Dialogs;
import org.namdrunner.ui.tests.Screenshots;
import org.namdrunner.ui.tests.Workbench;

/**
 * The NAMD Templates preference page against the workbench's real template store (the job database of this test
 * run): import, a refused import, add through the dialog, export, delete. The file dialogs of Import… and Export…
 * are native and cannot be driven here; the test calls what they call with the chosen path.
 */
class NamdTemplatesPreferenceTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private final NamdTemplates store = NamdTemplates.fromServices();

    private static NamdTemplate npt() {
        return new NamdTemplate("ui-npt", "UI NPT", "imported in a test", "structure {{structure}}\ntemperature {{t}}\nrun {{steps}}\n",
                List.of(new NamdTemplate.Variable("t", "temperature (K)", NamdTemplate.Kind.NUMBER, 0, 1000, "310"),
                        new NamdTemplate.Variable("steps", "steps", NamdTemplate.Kind.INTEGER, 1, 1e9, "1000")), false);
    }

    private boolean stored(String id) {
        try {
            return store.all().stream().anyMatch(t -> t.id().equals(id) && !t.builtIn());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void templatesAreImportedAddedExportedAndDeleted() throws Exception {
        Workbench.backend();
        Ui.async(() -> PreferencesUtil.createPreferenceDialogOn(Workbench.window().getShell(), NamdTemplatesPreferencePage.ID,
                new String[] { NamdTemplatesPreferencePage.ID }, null).open());
        Shell prefs = Dialogs.waitForPreferences();
        NamdTemplatesPreferencePage page = Ui.sync(() -> (NamdTemplatesPreferencePage) ((PreferenceDialog) prefs.getData()).getSelectedPage());
        Ui.waitUntil("the built-in templates listed", WAIT, () -> page.shown().size() >= 3);
        assertTrue(page.shown().stream().anyMatch(t -> t.id().equals("solvent-npt-pme") && t.builtIn()));

        Path dir = Files.createTempDirectory("namd-templates");
        Path file = Files.writeString(dir.resolve("mine.json"), TemplateExchange.write(List.of(npt())));
        Ui.run(() -> page.importFrom(file));
        Ui.waitUntil("the imported template listed", WAIT, () -> page.shown().stream().anyMatch(t -> t.id().equals("ui-npt")));
        assertEquals(npt(), store.require("ui-npt"), "stored as it was in the file");
        Ui.waitUntil("the import reported", WAIT, () -> String.valueOf(Ui.sync(page::getMessage)).contains("Imported 1 template"));
        Screenshots.capture(prefs, "preferences-namd-templates");

        Ui.run(() -> page.importFrom(file));
        Ui.waitUntil("the second import refused", WAIT, () -> String.valueOf(Ui.sync(page::getErrorMessage)).contains("clashes"));
        Path bad = Files.writeString(dir.resolve("bad.json"), TemplateExchange.write(List.of(new NamdTemplate("ui-bad", "UI bad", "",
                "run {{steps}}\n", List.of(new NamdTemplate.Variable("steps", "steps", NamdTemplate.Kind.INTEGER, 1, 10, "5")), false)))
                .replace("\"integer\"", "\"vector\""));
        Ui.run(() -> page.importFrom(bad));
        Ui.waitUntil("the bad file refused", WAIT, () -> String.valueOf(Ui.sync(page::getErrorMessage)).contains("unknown type 'vector'"));
        assertFalse(stored("ui-bad"), "nothing of a refused file is stored");

        Ui.run(() -> page.select());
        Ui.async(() -> Widgets.click(Widgets.button(prefs, NamdTemplatesPreferencePage.ADD)));
        Shell dialog = Dialogs.waitFor(NamdTemplateDialog.TITLE, WAIT);
        Ui.run(() -> {
            Widgets.type(Widgets.after(dialog, NamdTemplateDialog.ID_LABEL, Text.class), "ui-min");
            Widgets.type(Widgets.after(dialog, NamdTemplateDialog.NAME_LABEL, Text.class), "UI Min");
            Widgets.type(Widgets.after(dialog, NamdTemplateDialog.VARIABLES_LABEL, Text.class), "steps; integer; steps; 1; 100000; 500;\n");
            Widgets.type(Widgets.after(dialog, NamdTemplateDialog.TEXT_LABEL, Text.class), "structure {{structure}}\nrun {{steps}} {{oops}}\n");
        });
        assertTrue(Dialogs.text(dialog).contains("{{oops}} without declaring it"), Dialogs.text(dialog));
        assertFalse(Ui.sync(() -> Widgets.button(dialog, "OK").isEnabled()), "OK waits for a valid template");
        Ui.run(() -> Widgets.type(Widgets.after(dialog, NamdTemplateDialog.TEXT_LABEL, Text.class), "structure {{structure}}\nrun {{steps}}\n"));
        Screenshots.capture(dialog, "dialog-namd-template");
        Dialogs.press(dialog, "OK");
        Ui.waitUntil("the added template stored", WAIT, () -> stored("ui-min"));
        assertEquals("500", store.require("ui-min").variables().get(0).defaultValue());

        Path out = dir.resolve("export.json");
        Ui.waitUntil("the added template listed", WAIT, () -> page.shown().stream().anyMatch(t -> t.id().equals("ui-min")));
        Ui.run(() -> page.exportTo(out, page.shown().stream().filter(t -> !t.builtIn()).toList()));
        Ui.waitUntil("the export written", WAIT, () -> Files.exists(out));
        List<String> exported = TemplateExchange.read(Files.readString(out)).stream().map(NamdTemplate::id).toList();
        assertTrue(exported.containsAll(List.of("ui-npt", "ui-min")), exported.toString());

        Ui.run(() -> page.select("ui-min"));
        Ui.async(() -> Widgets.click(Widgets.button(prefs, NamdTemplatesPreferencePage.DELETE)));
        Dialogs.press(Dialogs.waitFor(NamdTemplatesPreferencePage.DELETE_TITLE, WAIT), "OK");
        Ui.waitUntil("the template deleted", WAIT, () -> !stored("ui-min"));
        assertTrue(stored("ui-npt"), "only the selected one");
        Dialogs.press(prefs, "Apply and Close");
    }

    @AfterAll
    static void removeTestTemplates() throws Exception {
        NamdTemplates s = NamdTemplates.fromServices();
        for (String id : List.of("ui-npt", "ui-min")) {
            s.delete(id);
        }
    }
}
