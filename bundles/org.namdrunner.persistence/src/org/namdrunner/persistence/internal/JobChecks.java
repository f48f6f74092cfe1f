package org.namdrunner.persistence.internal;

import java.io.IOException;
import java.io.StringReader;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.RemotePaths;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.validation.InputRules;

/**
 * What the store checks before it writes, beyond what {@link Job} itself guarantees (names, ids, relative paths,
 * resources): the JSON it keeps must be JSON, and the job's folders must be job folders.
 */
public final class JobChecks {

    private JobChecks() {
    }

    public static Job check(Job job) {
        if (job == null) {
            throw new InvalidInputException("job", "No job was given.");
        }
        boolean object;
        try (JsonReader in = new JsonReader(new StringReader(job.typeParameters()))) {
            object = in.peek() == JsonToken.BEGIN_OBJECT;
            in.skipValue();
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new IOException("text after the object");
            }
        } catch (IOException | RuntimeException e) {
            throw new InvalidInputException("typeParameters", "The parameters of job '" + job.name()
                    + "' are not valid JSON (" + e.getMessage() + "): '" + InputRules.printable(job.typeParameters()) + "'.");
        }
        if (!object) {
            throw new InvalidInputException("typeParameters", "The parameters of job '" + job.name()
                    + "' must be a JSON object ({...}), not '" + InputRules.printable(job.typeParameters()) + "'.");
        }
        checkJobFolder("projectDir", job, job.projectDir().orElse(null));
        checkJobFolder("scratchDir", job, job.scratchDir().orElse(null));
        return job;
    }

    /**
     * A job's folder is the one its profile made for it, {@code <root>/namdrunner_jobs/<id>}: deletion and results work
     * in the stored folder, so a row that names any other folder (an edited or imported file) is never stored.
     */
    private static void checkJobFolder(String field, Job job, String folder) {
        if (folder == null) {
            return;
        }
        RemotePaths.checkAbsolute(field, folder);
        String ending = "/" + ClusterProfile.JOBS_FOLDER + "/" + job.id();
        if (!folder.endsWith(ending) || folder.length() == ending.length()) {
            throw new InvalidInputException(field, "The folder '" + InputRules.printable(folder) + "' of job '" + job.name()
                    + "' is not a job folder (<root>" + ending + ").");
        }
    }

    /** A job id given to find, history or delete. */
    public static String checkId(String id) {
        return InputRules.checkJobId(id);
    }

    /** Keys of {@code app_metadata}: one line of printable text, at most 200 characters. */
    public static String checkMetadataKey(String key) {
        if (key == null || key.isBlank()) {
            throw new InvalidInputException("key", "The setting name is empty.");
        }
        if (key.length() > 200 || key.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInputException("key", "The setting name '" + InputRules.printable(key)
                    + "' must be one line of at most 200 characters.");
        }
        return key;
    }
}
