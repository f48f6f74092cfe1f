package org.namdrunner.help.internal;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;

import org.eclipse.core.runtime.FileLocator;
import org.osgi.framework.Bundle;
import org.osgi.framework.FrameworkUtil;

/** The help pages built from docs/*.md, as files a browser can open (extracted from the bundle once). */
public final class HelpPages {

    public static final String USER_GUIDE = "user-guide.html";

    private HelpPages() {
    }

    /** The extracted {@code help/} folder; disk work, so not on the UI thread. */
    public static Path folder() throws IOException {
        Bundle bundle = FrameworkUtil.getBundle(HelpPages.class);
        URL entry = bundle.getEntry("help/");
        if (entry == null) {
            throw new IOException("The help pages are missing from " + bundle.getSymbolicName() + "; the installation is incomplete.");
        }
        try {
            Path folder = Path.of(FileLocator.toFileURL(entry).toURI());
            if (!Files.isRegularFile(folder.resolve(USER_GUIDE))) {
                throw new IOException("The user guide is missing from " + folder + ".");
            }
            return folder;
        } catch (URISyntaxException e) {
            throw new IOException("The help pages cannot be opened: " + e.getMessage(), e);
        }
    }

    public static Path userGuide() throws IOException {
        return folder().resolve(USER_GUIDE);
    }
}
