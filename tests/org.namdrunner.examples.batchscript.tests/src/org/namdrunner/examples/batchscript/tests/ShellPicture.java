package org.namdrunner.examples.batchscript.tests;

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

/** Saves what a shell shows as a PNG in target/screenshots (the folder the build names), for docs/extending.md. */
final class ShellPicture {

    private ShellPicture() {
    }

    static Path save(Shell shell, String name) throws IOException {
        Path dir = Path.of(System.getProperty("namdrunner.screenshots", "target/screenshots"));
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Screen.run(() -> {
            Display d = shell.getDisplay();
            while (d.readAndDispatch()) {
                // let the shell paint first
            }
        });
        Screen.pause(200);
        Screen.run(() -> {
            Display display = shell.getDisplay();
            // from the window's corner to the end of its client area: under Xvfb no window manager draws a frame
            Rectangle bounds = shell.getBounds();
            Rectangle client = display.map(shell, null, shell.getClientArea());
            Rectangle area = new Rectangle(bounds.x, bounds.y, client.x + client.width - bounds.x, client.y + client.height - bounds.y);
            Image image = new Image(display, area.width, area.height);
            try {
                GC gc = new GC(display);
                try {
                    gc.copyArea(image, area.x, area.y);
                } finally {
                    gc.dispose();
                }
                ImageLoader loader = new ImageLoader();
                loader.data = new ImageData[] { image.getImageData() };
                loader.save(file.toString(), SWT.IMAGE_PNG);
            } finally {
                image.dispose();
            }
        });
        return file;
    }
}
