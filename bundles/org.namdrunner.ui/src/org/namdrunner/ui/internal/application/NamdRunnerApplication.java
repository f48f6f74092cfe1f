package org.namdrunner.ui.internal.application;

import org.eclipse.equinox.app.IApplication;
import org.eclipse.equinox.app.IApplicationContext;
import org.eclipse.swt.widgets.Display;
import org.eclipse.ui.IWorkbench;
import org.eclipse.ui.PlatformUI;

/** Starts the workbench with the NAMD Jobs perspective. */
public class NamdRunnerApplication implements IApplication {

    @Override
    public Object start(IApplicationContext context) {
        InstanceArea.applyDataLocations();
        InstanceArea.printIfAsked();
        Display display = PlatformUI.createDisplay();
        try {
            switch (DatabaseStartup.check(display, org.namdrunner.persistence.DatabaseLocation.resolve())) {
                case QUIT:
                    return IApplication.EXIT_OK;
                case RESTORED:
                    return IApplication.EXIT_RESTART; // every service opens the restored file afresh
                default:
                    break;
            }
            NamdRunnerWorkbenchAdvisor advisor = new NamdRunnerWorkbenchAdvisor();
            advisor.databaseOpened();
            int code = PlatformUI.createAndRunWorkbench(display, advisor);
            return code == PlatformUI.RETURN_RESTART ? IApplication.EXIT_RESTART : IApplication.EXIT_OK;
        } finally {
            display.dispose();
        }
    }

    @Override
    public void stop() {
        if (!PlatformUI.isWorkbenchRunning()) {
            return;
        }
        IWorkbench workbench = PlatformUI.getWorkbench();
        Display display = workbench.getDisplay();
        display.syncExec(() -> {
            if (!display.isDisposed()) {
                workbench.close();
            }
        });
    }
}
