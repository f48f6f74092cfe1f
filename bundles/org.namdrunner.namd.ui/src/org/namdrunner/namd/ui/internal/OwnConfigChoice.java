package org.namdrunner.namd.ui.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.namdrunner.namd.NamdJobType;
import org.namdrunner.namd.OwnNamdConfig;

/**
 * A person's own config chosen on the inputs page: what {@link OwnNamdConfig} made of it, the rewritten copies of
 * sourced files (in a temporary folder, uploaded instead of the originals), and the words the page shows.
 */
public record OwnConfigChoice(Path file, OwnNamdConfig.Staged staged, Map<Path, Path> uploadInstead, String writeProblem) {

    static OwnConfigChoice read(Path file) {
        OwnNamdConfig.Staged staged = OwnNamdConfig.read(file);
        Map<Path, Path> instead = new HashMap<>();
        String problem = null;
        if (staged.usable() && !staged.rewrittenSources().isEmpty()) {
            try {
                Path folder = Files.createTempDirectory("namdrunner-sourced");
                folder.toFile().deleteOnExit();
                Map<String, Path> upload = staged.inputsToUpload(folder);
                staged.inputs().forEach((k, v) -> {
                    if (!upload.get(k).equals(v)) {
                        instead.put(v, upload.get(k));
                        upload.get(k).toFile().deleteOnExit();
                    }
                });
            } catch (IOException e) {
                problem = "The rewritten copy of a file " + file.getFileName() + " sources could not be written: " + e.getMessage();
            }
        }
        return new OwnConfigChoice(file, staged, Map.copyOf(instead), problem);
    }

    /** What keeps the config from running, in one message naming each line (at most five), or null. */
    String problem() {
        if (writeProblem != null) {
            return writeProblem;
        }
        List<String> p = staged.problems();
        if (p.isEmpty()) {
            return null;
        }
        return file.getFileName() + " cannot run as a job: " + String.join(" ", p.subList(0, Math.min(5, p.size())))
                + (p.size() > 5 ? " (and " + (p.size() - 5) + " more)" : "");
    }

    /** What the page says about a usable config. */
    String note() {
        return "The job runs " + file.getFileName() + " with its " + staged.inputs().size() + " files staged in input_files/ and their "
                + "paths rewritten (the next page's template is not used; you can edit the config on the Review page)."
                + (staged.notes().isEmpty() ? "" : " " + String.join(" ", staged.notes()));
    }

    Map<String, String> parameters() {
        return Map.of(NamdJobType.CONFIG, staged.config(), NamdJobType.OWN_CONFIG, file.getFileName().toString());
    }
}
