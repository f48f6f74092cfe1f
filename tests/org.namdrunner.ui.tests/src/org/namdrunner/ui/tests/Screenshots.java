package org.namdrunner.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Saves what a shell shows as a PNG under target/screenshots (set by the build), and, when the build is run
 * with {@code -Dnamdrunner.docImages=<folder>}, also into that folder (docs/images) for the user guide.
 */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() throws IOException {
        Path dir = Path.of(System.getProperty("namdrunner.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Captures the shell's area of the screen after letting it paint. Any thread. */
    public static Path capture(Shell shell, String name) throws IOException {
        Ui.settle();
        return save(Ui.sync(() -> visibleArea(shell)), name);
    }

    /**
     * From the window's corner (menu bar included) to the end of its client area: without a window manager
     * (Xvfb) nothing draws the title bar and frame that {@code getBounds()} counts.
     */
    private static Rectangle visibleArea(Shell shell) {
        Rectangle bounds = shell.getBounds();
        Rectangle client = shell.getDisplay().map(shell, null, shell.getClientArea());
        return new Rectangle(bounds.x, bounds.y, client.x + client.width - bounds.x, client.y + client.height - bounds.y);
    }

    /** Captures the whole screen (for popups that are not part of a window). Any thread. */
    public static Path captureScreen(String name) throws IOException {
        Ui.settle();
        return save(Ui.sync(() -> Ui.display().getBounds()), name);
    }

    private static Path save(Rectangle bounds, String name) throws IOException {
        Path file = directory().resolve(name + ".png");
        Ui.run(() -> {
            Display display = Ui.display();
            Image image = new Image(display, bounds.width, bounds.height);
            try {
                GC gc = new GC(display);
                try {
                    gc.copyArea(image, bounds.x, bounds.y);
                } finally {
                    gc.dispose();
                }
                ImageLoader loader = new ImageLoader();
                loader.data = new org.eclipse.swt.graphics.ImageData[] { image.getImageData() };
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                image.dispose();
            }
        });
        String docs = System.getProperty("namdrunner.docImages", "");
        if (!docs.isBlank() && !docs.equals("null")) {
            Files.createDirectories(Path.of(docs));
            Files.copy(file, Path.of(docs).resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
        }
        return file;
    }
}
