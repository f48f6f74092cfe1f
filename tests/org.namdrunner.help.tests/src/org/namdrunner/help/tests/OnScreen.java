package org.namdrunner.help.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.ui.PlatformUI;

/** The tests act from their own thread; everything on screen is reached through the UI thread, waits poll with a deadline. */
final class OnScreen {

    private OnScreen() {
    }

    static Display display() {
        return PlatformUI.getWorkbench().getDisplay();
    }

    static <T> T sync(Supplier<T> s) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        display().syncExec(() -> {
            try {
                result.set(s.get());
            } catch (RuntimeException | Error e) {
                failure.set(e);
            }
        });
        if (failure.get() instanceof RuntimeException r) {
            throw r;
        }
        if (failure.get() instanceof Error e) {
            throw e;
        }
        return result.get();
    }

    static void run(Runnable r) {
        sync(() -> {
            r.run();
            return null;
        });
    }

    static void waitUntil(String what, Duration limit, BooleanSupplier condition) {
        Instant end = Instant.now().plus(limit);
        while (!sync(condition::getAsBoolean)) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("Waited " + limit.toSeconds() + " s for " + what + ".");
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what);
            }
        }
    }

    static Optional<Shell> shell(String title) {
        return Arrays.stream(display().getShells()).filter(s -> !s.isDisposed() && s.isVisible() && title.equals(s.getText())).findFirst();
    }

    /** A picture of the shell into target/screenshots (for the person reading the test results). */
    static void capture(Shell shell, String name) {
        String dir = System.getProperty("namdrunner.screenshots");
        if (dir == null || dir.isBlank()) {
            return;
        }
        run(() -> {
            shell.redraw();
            shell.update();
            while (display().readAndDispatch()) {
                // let pending paints happen before the picture
            }
            Rectangle b = shell.getBounds();
            Image image = new Image(display(), b.width, b.height);
            GC gc = new GC(display());
            try {
                gc.copyArea(image, b.x, b.y);
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] { image.getImageData() };
                Files.createDirectories(Path.of(dir));
                loader.save(Path.of(dir, name + ".png").toString(), SWT.IMAGE_PNG);
            } catch (IOException e) {
                throw new AssertionError("screenshot " + name + ": " + e.getMessage());
            } finally {
                gc.dispose();
                image.dispose();
            }
        });
    }
}
