package org.namdrunner.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import org.namdrunner.core.store.JobStore;
import org.namdrunner.core.store.StoreException;

/**
 * Where on this computer a job's input files came from (input key → local path), kept in the job store's metadata
 * so that "New job from this job" can offer the same files again. The cluster only has their names. Disk work: call
 * these off the UI thread.
 */
public final class LocalInputs {

    static final String PREFIX = "localInputs.";

    private LocalInputs() {
    }

    public static void remember(JobStore store, String jobId, Map<String, Path> inputs) throws StoreException {
        StringBuilder b = new StringBuilder();
        inputs.forEach((key, path) -> {
            String p = path.toAbsolutePath().toString();
            if (key.indexOf('\t') < 0 && key.indexOf('\n') < 0 && p.indexOf('\n') < 0) {
                b.append(key).append('\t').append(p).append('\n');
            }
        });
        store.putMetadata(PREFIX + jobId, b.toString());
    }

    /** The job's local inputs, in the order they were chosen; empty for a job created elsewhere or before this was kept. */
    public static Map<String, Path> recall(JobStore store, String jobId) throws StoreException {
        Map<String, Path> out = new LinkedHashMap<>();
        store.metadata(PREFIX + jobId).ifPresent(text -> text.lines().forEach(line -> {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                try {
                    out.put(line.substring(0, tab), Path.of(line.substring(tab + 1)));
                } catch (InvalidPathException e) {
                    // a path of another system: left out, the person chooses the file again
                }
            }
        }));
        return out;
    }
}
