package org.namdrunner.ui.internal.status;

import org.eclipse.swt.widgets.Display;
import org.namdrunner.ui.internal.services.Backend;

/** What starts with the workbench window: background sync and the finished-job popups. */
public final class StartupHooks {

    private StartupHooks() {
    }

    public static void workbenchStarted(Display display) {
        Backend.whenReady(b -> {
            b.sync().addListener(new Notifications(display));
            b.sync().start();
        });
    }

    public static void workbenchClosing() {
        Backend.current().ifPresent(b -> b.sync().stop());
    }
}
