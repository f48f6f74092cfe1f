package org.namdrunner.ui.tests;

import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;

import org.eclipse.core.commands.ParameterizedCommand;
import org.eclipse.ui.IViewPart;
import org.eclipse.ui.commands.ICommandService;
import org.eclipse.ui.handlers.IHandlerService;
import org.junit.jupiter.api.Test;
import org.namdrunner.ui.NamdRunnerUi;

/** The Window menu's Progress and Error Log entries open the platform's views inside the NAMD Jobs perspective. */
class ProgressAndErrorLogTest {

    @Test
    void progressAndErrorLogOpenFromTheWindowMenu() throws Exception {
        for (String id : new String[] { NamdRunnerUi.PROGRESS_VIEW_ID, NamdRunnerUi.ERROR_LOG_VIEW_ID }) {
            Ui.run(() -> {
                try {
                    ICommandService cs = Workbench.window().getService(ICommandService.class);
                    ParameterizedCommand show = ParameterizedCommand.generateCommand(cs.getCommand("org.eclipse.ui.views.showView"),
                            Map.of("org.eclipse.ui.views.showView.viewId", id));
                    Workbench.window().getService(IHandlerService.class).executeCommand(show, null);
                } catch (Exception e) {
                    throw new AssertionError(e);
                }
            });
            IViewPart view = Ui.sync(() -> Workbench.page().findView(id));
            assertNotNull(view, id + " is open");
        }
        Screenshots.capture(Workbench.window().getShell(), "error-log");
        Ui.run(() -> {
            for (String id : new String[] { NamdRunnerUi.PROGRESS_VIEW_ID, NamdRunnerUi.ERROR_LOG_VIEW_ID }) {
                IViewPart v = Workbench.page().findView(id);
                if (v != null) {
                    Workbench.page().hideView(v);
                }
            }
        });
    }
}
