package org.namdrunner.persistence.internal;

import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.namdrunner.core.lifecycle.JobFolders;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.validation.InputRules;

/**
 * One row of the prototype's {@code jobs} table (schema 1) and its conversion to a {@link Job}: job type
 * {@code namd}, cluster {@code default}, {@code slurm_config} as resources, {@code namd_config} as type parameters,
 * plain-text errors as error info. Whatever had to change to meet today's rules is added to {@code notes}, with the
 * old value, so nothing is lost.
 */
record V1Job(String id, String name, String status, String slurmJobId, String createdAt, String updatedAt, String submittedAt,
        String completedAt, String projectDir, String scratchDir, String errorInfo, String namdConfig, String slurmConfig,
        String inputFiles) {

    static final String SELECT = "SELECT id, name, status, slurm_job_id, created_at, updated_at, submitted_at, completed_at, "
            + "project_dir, scratch_dir, error_info, namd_config, slurm_config, input_files FROM jobs_v1 ORDER BY rowid";

    private static final Pattern SLURM_ID = Pattern.compile("\\d{1,12}(_\\d{1,9})?");
    private static final Pattern SLURM_ID_PREFIX = Pattern.compile("^\\s*(\\d{1,12}(_\\d{1,9})?)\\b");
    private static final Type STRINGS = new TypeToken<List<String>>() { }.getType();

    /** A status word of schema 1 (the names of {@link JobStatus}); null when this version does not know it. */
    static JobStatus status(String word) {
        try {
            return word == null ? null : JobStatus.valueOf(word.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    Job toJob(String newId, Instant startedAt, Instant migratedAt, List<String> notes) {
        JobStatus known = status(status);
        if (known == null) {
            notes.add("status '" + status + "' is not known to this version; now UNKNOWN");
        }
        String safeName = Names.safeName(name);
        if (!safeName.equals(name)) {
            notes.add("name '" + name + "' became '" + safeName + "' (names become folder and SLURM job names)");
        }
        Instant updated = time("updated_at", updatedAt, notes);
        Instant created = time("created_at", createdAt, notes);
        if (created == null) {
            created = updated != null ? updated : migratedAt;
        }
        return Job.builder().id(newId).name(safeName).jobTypeId("namd").clusterProfileId("default")
                .status(known == null ? JobStatus.UNKNOWN : known).slurmId(slurmId(notes)).createdAt(created)
                .updatedAt(updated == null ? created : updated).submittedAt(time("submitted_at", submittedAt, notes))
                .startedAt(startedAt).completedAt(time("completed_at", completedAt, notes)).projectDir(blankToNull(projectDir))
                .scratchDir(blankToNull(scratchDir)).resources(V1Resources.read(slurmConfig, notes))
                .typeParameters(typeParameters(notes)).inputFiles(inputFiles(notes))
                .error(errorInfo == null || errorInfo.isBlank() ? null
                        : new ErrorInfo("LEGACY", errorInfo.strip(), "", updated == null ? created : updated))
                .build();
    }

    private String slurmId(List<String> notes) {
        if (slurmJobId == null || slurmJobId.isBlank()) {
            return null;
        }
        String t = slurmJobId.strip();
        if (SLURM_ID.matcher(t).matches()) {
            return t;
        }
        Matcher m = SLURM_ID_PREFIX.matcher(t);
        String kept = m.find() ? m.group(1) : null;
        notes.add("SLURM id '" + slurmJobId + "' " + (kept == null ? "is not a SLURM job id; dropped" : "read as " + kept));
        return kept;
    }

    private static Instant time(String column, String text, List<String> notes) {
        Instant t = Times.parseLegacy(text);
        if (t == null && text != null && !text.isBlank()) {
            notes.add(column + " '" + text + "' is not a time");
        }
        return t;
    }

    private String typeParameters(List<String> notes) {
        if (namdConfig == null || namdConfig.isBlank()) {
            return "{}";
        }
        try {
            if (JsonParser.parseString(namdConfig).isJsonObject()) {
                return namdConfig;
            }
        } catch (RuntimeException e) {
            // kept below as text
        }
        notes.add("namd_config was not a JSON object; kept as {\"legacy\": ...}");
        JsonObject o = new JsonObject();
        o.addProperty("legacy", namdConfig);
        return o.toString();
    }

    /** Valid relative paths stay; others (e.g. a local absolute path) become {@code input_files/<file name>}. */
    private List<String> inputFiles(List<String> notes) {
        if (inputFiles == null || inputFiles.isBlank()) {
            return List.of();
        }
        List<String> listed;
        try {
            JsonElement e = JsonParser.parseString(inputFiles);
            listed = new Gson().fromJson(e, STRINGS);
        } catch (RuntimeException e) {
            notes.add("input_files '" + inputFiles + "' is not a JSON list of names; no input files kept");
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String f : listed == null ? List.<String>of() : listed) {
            if (f == null || f.isBlank()) {
                continue;
            }
            try {
                out.add(InputRules.checkRelativePath(f));
            } catch (InvalidInputException e) {
                String fileName = f.strip().replaceAll(".*[/\\\\]", "");
                String safe = JobFolders.INPUTS + "/" + Names.safeName(fileName);
                notes.add("input file '" + f + "' became '" + safe + "'");
                out.add(safe);
            }
        }
        return out;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
