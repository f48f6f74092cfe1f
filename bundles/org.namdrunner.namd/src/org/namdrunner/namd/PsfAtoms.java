package org.namdrunner.namd;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The atom count from a PSF header ({@code       12 !NATOM}); reads only up to that line. */
public final class PsfAtoms {

    private static final Pattern NATOM = Pattern.compile("^\\s*(\\d{1,12})\\s+!NATOM");
    private static final int MAX_HEADER_LINES = 100_000;

    private PsfAtoms() {
    }

    public static OptionalLong count(Path psf) throws IOException {
        try (BufferedReader r = Files.newBufferedReader(psf, StandardCharsets.ISO_8859_1)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null && n++ < MAX_HEADER_LINES) {
                Matcher m = NATOM.matcher(line);
                if (m.find()) {
                    return OptionalLong.of(Long.parseLong(m.group(1)));
                }
            }
        }
        return OptionalLong.empty();
    }
}
