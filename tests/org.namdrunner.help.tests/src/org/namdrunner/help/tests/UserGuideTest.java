package org.namdrunner.help.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.eclipse.help.HelpSystem;
import org.eclipse.help.IToc;
import org.eclipse.swt.SWT;
import org.eclipse.swt.browser.Browser;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Menu;
import org.eclipse.swt.widgets.MenuItem;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.IWorkbenchPage;
import org.eclipse.ui.PlatformUI;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.namdrunner.help.internal.HelpPages;
import org.namdrunner.help.internal.UserGuideView;

/** The user guide inside the product: built from docs/user-guide.md, listed in Eclipse's help, shown by Help > User Guide. */
class UserGuideTest {

    @Test
    void theBundledGuideIsDocsUserGuideWithItsPicturesAndItsSectionsInTheToc() throws Exception {
        Path folder = HelpPages.folder();
        String html = Files.readString(folder.resolve("user-guide.html"), StandardCharsets.UTF_8);
        Path source = Path.of(System.getProperty("namdrunner.repoRoot"), "docs", "user-guide.md");
        List<String> sections = Files.readAllLines(source).stream().filter(l -> l.startsWith("## ")).map(l -> l.substring(3).strip()).toList();
        assertTrue(sections.size() >= 5, "the guide has sections");
        String toc = Files.readString(folder.resolve("toc.xml"), StandardCharsets.UTF_8);
        for (String s : sections) {
            assertTrue(html.contains(">" + s.replace("&", "&amp;") + "</h2>"), "the page has the section " + s);
            assertTrue(toc.contains("label=\"" + s.replace("&", "&amp;") + "\""), "the toc lists " + s);
        }
        Matcher img = Pattern.compile("<img src=\"([^\"]+)\"").matcher(html);
        List<String> pictures = new ArrayList<>();
        while (img.find()) {
            pictures.add(img.group(1));
        }
        assertTrue(pictures.size() >= 10, "the guide's pictures are referenced: " + pictures);
        for (String p : pictures) {
            assertTrue(Files.isRegularFile(folder.resolve(p)), "picture " + p + " is bundled");
        }
        IToc ours = Arrays.stream(HelpSystem.getTocs()).filter(t -> t.getLabel().equals("NAMDRunner User Guide")).findFirst()
                .orElseThrow(() -> new AssertionError("Eclipse's help system knows our toc"));
        assertEquals(sections.size() + 2, ours.getTopics().length, "one topic per section, the data locations and the reference");
    }

    @Test
    void helpMenuOffersTheGuideAndAProblemReportAndTheGuideOpens() {
        List<String> items = OnScreen.sync(() -> {
            Shell shell = PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell();
            Menu help = Arrays.stream(shell.getMenuBar().getItems()).filter(i -> i.getText().replace("&", "").equals("Help"))
                    .findFirst().orElseThrow().getMenu();
            help.notifyListeners(SWT.Show, new Event());
            List<String> texts = Arrays.stream(help.getItems()).map(MenuItem::getText).map(t -> t.replace("&", "")).toList();
            help.notifyListeners(SWT.Hide, new Event());
            return texts;
        });
        assertTrue(items.stream().anyMatch(t -> t.startsWith("User Guide")), "Help has User Guide: " + items);
        assertTrue(items.stream().anyMatch(t -> t.startsWith("Report a Problem")), "Help has Report a Problem: " + items);

        OnScreen.run(() -> {
            try {
                PlatformUI.getWorkbench().getService(IHandlerService.class).executeCommand("org.namdrunner.help.userGuide", null);
            } catch (Exception e) {
                throw new AssertionError("User Guide failed: " + e, e);
            }
        });
        UserGuideView view = OnScreen.sync(() -> (UserGuideView) page().findView(UserGuideView.ID));
        boolean webView = OnScreen.sync(() -> view.content() instanceof Browser);
        if (webView) {
            OnScreen.waitUntil("the guide in the browser", Duration.ofSeconds(30), () -> view.shown().endsWith("/user-guide.html") && view.loaded());
        } else {
            // no WebKitGTK on this machine: the view must say so and name the file it would open
            OnScreen.waitUntil("the message naming the guide", Duration.ofSeconds(30), () -> view.shown().contains("user-guide.html"));
        }
        OnScreen.capture(OnScreen.sync(() -> PlatformUI.getWorkbench().getActiveWorkbenchWindow().getShell()), "help-user-guide");
        OnScreen.run(() -> page().hideView(view));
    }

    private static IWorkbenchPage page() {
        return PlatformUI.getWorkbench().getActiveWorkbenchWindow().getActivePage();
    }
}
