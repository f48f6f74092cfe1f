package org.namdrunner.ui.tests;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Image;
import org.eclipse.swt.graphics.ImageData;
import org.eclipse.swt.graphics.ImageLoader;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/** Saves what a shell shows as a PNG under target/screenshots (set by the build). */
public final class Screenshots {

    private Screenshots() {
    }

    public static Path directory() throws IOException {
        Path dir = Path.of(System.getProperty("namdrunner.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        return dir;
    }

    /** Captures the shell's area of the screen after letting it paint. */
    public static Path capture(Shell shell, String name) throws IOException {
        Display display = shell.getDisplay();
        UiWait.processEvents(display, 300);
        Rectangle bounds = shell.getBounds();
        Image image = new Image(display, bounds.width, bounds.height);
        try {
            GC gc = new GC(display);
            try {
                gc.copyArea(image, bounds.x, bounds.y);
            } finally {
                gc.dispose();
            }
            ImageData data = image.getImageData();
            ImageLoader loader = new ImageLoader();
            loader.data = new ImageData[] { data };
            Path file = directory().resolve(name + ".png");
            loader.save(file.toString(), SWT.IMAGE_PNG);
            return file;
        } finally {
            image.dispose();
        }
    }
}
