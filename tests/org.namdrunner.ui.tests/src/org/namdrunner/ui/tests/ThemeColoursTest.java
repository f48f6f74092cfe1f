package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.Set;

import org.eclipse.jface.resource.ColorRegistry;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.ui.PlatformUI;
import org.junit.jupiter.api.Test;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.ui.internal.views.StatusStyle;

/**
 * Status colours are colours of the workbench theme: defined in plugin.xml for the light theme, overridden in the
 * Dark theme's style sheet, and read from the current theme's registry (so a theme or a person can change them).
 */
class ThemeColoursTest {

    private static Set<String> keys() {
        Set<String> keys = new LinkedHashSet<>();
        for (JobStatus s : JobStatus.values()) {
            keys.add(StatusStyle.colourKey(s));
        }
        keys.add(StatusStyle.STALE);
        keys.add(StatusStyle.BANNER_BACKGROUND);
        keys.add(StatusStyle.BANNER_FOREGROUND);
        return keys;
    }

    @Test
    void everyStatusColourIsAThemeColourTheTableReads() {
        ColorRegistry registry = Ui.sync(() -> PlatformUI.getWorkbench().getThemeManager().getCurrentTheme().getColorRegistry());
        for (String key : keys()) {
            assertTrue(Ui.sync(() -> registry.hasValueFor(key)), key + " is not defined in the theme (org.eclipse.ui.themes)");
        }
        assertEquals(new RGB(30, 123, 46), Ui.sync(() -> registry.getRGB(StatusStyle.DONE)), "the light theme's green");
        RGB before = Ui.sync(() -> registry.getRGB(StatusStyle.DONE));
        RGB changed = new RGB(1, 2, 3);
        try {
            Ui.run(() -> registry.put(StatusStyle.DONE, changed));
            assertEquals(changed, Ui.sync(() -> StatusStyle.colour(JobStatus.COMPLETED).getRGB()), "the colour comes from the theme");
        } finally {
            Ui.run(() -> registry.put(StatusStyle.DONE, before));
        }
    }

    @Test
    void theDarkThemeSetsEveryColour() throws Exception {
        String css;
        try (InputStream in = StatusStyle.class.getResourceAsStream("/css/dark.css")) {
            css = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String key : keys()) {
            assertTrue(css.contains("ColorDefinition#" + key.replace('.', '-') + " {"), "css/dark.css does not set " + key);
        }
    }
}
