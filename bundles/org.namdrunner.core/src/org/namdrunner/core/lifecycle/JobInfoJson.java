package org.namdrunner.core.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.namdrunner.core.model.ChainLink;
import org.namdrunner.core.model.ReplicaLink;
import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.model.Job;
import org.namdrunner.core.model.JobStatus;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/**
 * {@code job_info.json}: the job's metadata kept beside its files on the cluster, so that a fresh install
 * can rediscover the job. Reading it validates everything like a person's input: the file lives on a
 * shared machine and is not trusted.
 */
public final class JobInfoJson {

    static final int FORMAT = 1;

    private JobInfoJson() {
    }

    public static String write(Job job) {
        JsonObject o = new JsonObject();
        o.addProperty("format", FORMAT);
        o.addProperty("id", job.id());
        o.addProperty("name", job.name());
        o.addProperty("jobType", job.jobTypeId());
        o.addProperty("clusterProfile", job.clusterProfileId());
        o.addProperty("status", job.status().name());
        job.slurmId().ifPresent(v -> o.addProperty("slurmId", v));
        o.addProperty("createdAt", job.createdAt().toString());
        job.submittedAt().ifPresent(v -> o.addProperty("submittedAt", v.toString()));
        job.projectDir().ifPresent(v -> o.addProperty("projectDir", v));
        job.scratchDir().ifPresent(v -> o.addProperty("scratchDir", v));
        Resources r = job.resources();
        JsonObject res = new JsonObject();
        res.addProperty("cores", r.cores());
        res.addProperty("memory", r.memory().toString());
        res.addProperty("walltimeSeconds", r.walltime().toSeconds());
        res.addProperty("partition", r.partition());
        res.addProperty("qos", r.qos());
        res.addProperty("account", r.account());
        res.addProperty("gpus", r.gpus());
        res.addProperty("constraint", r.constraint());
        o.add("resources", res);
        o.add("parameters", JsonParser.parseString(job.typeParameters()));
        JsonArray inputs = new JsonArray();
        job.inputFiles().forEach(inputs::add);
        o.add("inputFiles", inputs);
        job.chain().ifPresent(l -> {
            JsonObject chain = new JsonObject();
            chain.addProperty("id", l.chainId());
            chain.addProperty("stage", l.stage());
            chain.addProperty("label", l.label());
            o.add("chain", chain);
        });
        job.replica().ifPresent(l -> {
            JsonObject replica = new JsonObject();
            replica.addProperty("set", l.setId());
            replica.addProperty("index", l.index());
            replica.addProperty("count", l.count());
            o.add("replica", replica);
        });
        return new GsonBuilder().setPrettyPrinting().create().toJson(o) + "\n";
    }

    /**
     * Reads a job_info.json. The status is taken as a starting point only; the next sync asks SLURM.
     *
     * @throws InvalidInputException naming what is wrong with the file
     */
    public static Job read(String text) {
        try {
            JsonObject o = JsonParser.parseString(text).getAsJsonObject();
            JsonObject res = o.getAsJsonObject("resources");
            Resources r = new Resources(res.get("cores").getAsInt(), MemorySize.parse(res.get("memory").getAsString()),
                    Duration.ofSeconds(res.get("walltimeSeconds").getAsLong()), str(res, "partition"), str(res, "qos"),
                    str(res, "account"), res.has("gpus") ? res.get("gpus").getAsInt() : 0, str(res, "constraint"));
            List<String> inputs = new ArrayList<>();
            if (o.has("inputFiles")) {
                o.getAsJsonArray("inputFiles").forEach(e -> inputs.add(e.getAsString()));
            }
            JsonElement params = o.get("parameters");
            return Job.builder().id(o.get("id").getAsString()).name(o.get("name").getAsString())
                    .jobTypeId(o.get("jobType").getAsString()).clusterProfileId(o.get("clusterProfile").getAsString())
                    .status(JobStatus.valueOf(o.get("status").getAsString()))
                    .slurmId(str(o, "slurmId")).createdAt(Instant.parse(o.get("createdAt").getAsString()))
                    .submittedAt(o.has("submittedAt") ? Instant.parse(o.get("submittedAt").getAsString()) : null)
                    .projectDir(str(o, "projectDir")).scratchDir(str(o, "scratchDir")).resources(r)
                    .typeParameters(params == null || !params.isJsonObject() ? "{}" : params.toString())
                    .inputFiles(inputs).chain(chain(o)).replica(replica(o)).build();
        } catch (InvalidInputException e) {
            throw e;
        } catch (JsonParseException | IllegalStateException | NullPointerException | UnsupportedOperationException
                | java.time.format.DateTimeParseException | IllegalArgumentException e) {
            throw new InvalidInputException(JobFolders.JOB_INFO, "The job_info.json is not readable: " + e.getMessage());
        }
    }

    /** The stage's place in its chain, checked as the rest (ChainLink refuses a bad id, number or name); null for none. */
    private static ChainLink chain(JsonObject o) {
        if (!o.has("chain") || !o.get("chain").isJsonObject()) {
            return null;
        }
        JsonObject c = o.getAsJsonObject("chain");
        return new ChainLink(c.get("id").getAsString(), c.get("stage").getAsInt(), c.get("label").getAsString());
    }

    /** The job's place in its replica set, checked as the rest (ReplicaLink refuses a bad id or number); null for none. */
    private static ReplicaLink replica(JsonObject o) {
        if (!o.has("replica") || !o.get("replica").isJsonObject()) {
            return null;
        }
        JsonObject r = o.getAsJsonObject("replica");
        return new ReplicaLink(r.get("set").getAsString(), r.get("index").getAsInt(), r.get("count").getAsInt());
    }

    private static String str(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() ? "" : e.getAsString();
    }
}
