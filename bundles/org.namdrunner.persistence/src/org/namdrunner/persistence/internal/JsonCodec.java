package org.namdrunner.persistence.internal;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;

import org.namdrunner.core.cluster.BillingRule;
import org.namdrunner.core.cluster.ClusterLimits;
import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.cluster.GpuSetup;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.JobUsage;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/**
 * The JSON columns: resources, error info, file lists, cluster profiles. Listing thousands of jobs reads three of
 * them per row, so the job columns use Gson's streaming reader and writer, and resources and file lists, which
 * jobs share (a person's few resource presets, the same input files), are decoded once per distinct text.
 */
public final class JsonCodec {

    private static final Gson GSON = new Gson();
    private static final Type STRINGS = new TypeToken<List<String>>() { }.getType();
    private static final DecodedCache<Resources> RESOURCES = new DecodedCache<>(256);
    private static final DecodedCache<List<String>> STRING_LISTS = new DecodedCache<>(256);

    private JsonCodec() {
    }

    /** {@code {"cores":32,"memory":"64GB","walltimeSeconds":43200,"partition":..,"qos":..,"account":..,"gpus":0,"constraint":..}} */
    public static String resources(Resources r) {
        return resources(r, null);
    }

    /**
     * The resources asked for and, for a finished job, what it used of them under {@code "used"}: {@code {"elapsedSeconds":..,
     * "totalCpuMillis":..,"cpus":..,"nodes":..,"maxRssBytes":..,"requestedMemoryBytes":..,"timeLimitSeconds":..,"gpus":..}}
     * (absent values left out). Readers that do not know the key skip it, so no schema change is needed.
     */
    public static String resources(Resources r, JobUsage used) {
        return write(w -> {
            w.beginObject();
            w.name("cores").value(r.cores());
            w.name("memory").value(r.memory().toString());
            w.name("walltimeSeconds").value(r.walltime().toSeconds());
            w.name("partition").value(r.partition());
            w.name("qos").value(r.qos());
            w.name("account").value(r.account());
            w.name("gpus").value(r.gpus());
            w.name("constraint").value(r.constraint());
            if (used != null) {
                w.name("used").beginObject();
                w.name("elapsedSeconds").value(used.elapsed().toSeconds());
                if (used.totalCpu() != null) {
                    w.name("totalCpuMillis").value(used.totalCpu().toMillis());
                }
                w.name("cpus").value(used.allocatedCpus());
                w.name("nodes").value(used.nodes());
                if (used.maxRssBytes() != null) {
                    w.name("maxRssBytes").value(used.maxRssBytes());
                }
                if (used.requestedMemoryBytes() != null) {
                    w.name("requestedMemoryBytes").value(used.requestedMemoryBytes());
                }
                if (used.timeLimit() != null) {
                    w.name("timeLimitSeconds").value(used.timeLimit().toSeconds());
                }
                w.name("gpus").value(used.gpus());
                w.endObject();
            }
            w.endObject();
        });
    }

    /** The {@code "used"} part of a resources column; null when the job has none (not finished, or stored before). */
    public static JobUsage usage(String resourcesJson) {
        if (resourcesJson == null || !resourcesJson.contains("\"used\"")) {
            return null;
        }
        return read(resourcesJson, in -> {
            JobUsage found = null;
            in.beginObject();
            while (in.hasNext()) {
                if (in.nextName().equals("used") && in.peek() == JsonToken.BEGIN_OBJECT) {
                    found = decodeUsage(in);
                } else {
                    in.skipValue();
                }
            }
            in.endObject();
            return found;
        });
    }

    private static JobUsage decodeUsage(JsonReader in) throws IOException {
        long elapsed = 0;
        Long cpuMillis = null;
        int cpus = 0;
        int nodes = 0;
        Long rss = null;
        Long requested = null;
        Long limit = null;
        int gpus = 0;
        in.beginObject();
        while (in.hasNext()) {
            switch (in.nextName()) {
                case "elapsedSeconds" -> elapsed = in.nextLong();
                case "totalCpuMillis" -> cpuMillis = in.nextLong();
                case "cpus" -> cpus = in.nextInt();
                case "nodes" -> nodes = in.nextInt();
                case "maxRssBytes" -> rss = in.nextLong();
                case "requestedMemoryBytes" -> requested = in.nextLong();
                case "timeLimitSeconds" -> limit = in.nextLong();
                case "gpus" -> gpus = in.nextInt();
                default -> in.skipValue();
            }
        }
        in.endObject();
        return new JobUsage(Duration.ofSeconds(elapsed), cpuMillis == null ? null : Duration.ofMillis(cpuMillis), cpus, nodes, rss,
                requested, limit == null ? null : Duration.ofSeconds(limit), gpus);
    }

    public static Resources resources(String json) {
        Resources known = RESOURCES.get(json);
        if (known == null) {
            known = decodeResources(json);
            RESOURCES.put(json, known);
        }
        return known;
    }

    private static Resources decodeResources(String json) {
        return read(json, in -> {
            int cores = 0;
            int gpus = 0;
            long walltime = 0;
            String memory = null;
            String partition = "";
            String qos = "";
            String account = "";
            String constraint = "";
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "cores" -> cores = in.nextInt();
                    case "memory" -> memory = in.nextString();
                    case "walltimeSeconds" -> walltime = in.nextLong();
                    case "partition" -> partition = string(in);
                    case "qos" -> qos = string(in);
                    case "account" -> account = string(in);
                    case "gpus" -> gpus = in.nextInt();
                    case "constraint" -> constraint = string(in);
                    default -> in.skipValue();
                }
            }
            in.endObject();
            return new Resources(cores, MemorySize.parse(memory), Duration.ofSeconds(walltime), partition, qos, account, gpus, constraint);
        });
    }

    public static String error(ErrorInfo e) {
        if (e == null) {
            return null;
        }
        return write(w -> {
            w.beginObject();
            w.name("type").value(e.type());
            w.name("message").value(e.message());
            w.name("exitCode").value(e.exitCode());
            w.name("at").value(Times.format(e.at()));
            w.endObject();
        });
    }

    public static ErrorInfo error(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        return read(json, in -> {
            String type = "";
            String message = "";
            String exitCode = "";
            String at = null;
            in.beginObject();
            while (in.hasNext()) {
                switch (in.nextName()) {
                    case "type" -> type = string(in);
                    case "message" -> message = string(in);
                    case "exitCode" -> exitCode = string(in);
                    case "at" -> at = string(in);
                    default -> in.skipValue();
                }
            }
            in.endObject();
            return new ErrorInfo(type, message, exitCode, Times.parse(at));
        });
    }

    public static String strings(List<String> list) {
        return write(w -> {
            w.beginArray();
            for (String s : list) {
                w.value(s);
            }
            w.endArray();
        });
    }

    /** An immutable list. */
    public static List<String> strings(String json) {
        if (json == null || json.isBlank() || json.equals("[]")) {
            return List.of();
        }
        List<String> known = STRING_LISTS.get(json);
        if (known == null) {
            known = read(json, in -> {
                List<String> out = new ArrayList<>();
                in.beginArray();
                while (in.hasNext()) {
                    out.add(in.nextString());
                }
                in.endArray();
                return List.copyOf(out);
            });
            STRING_LISTS.put(json, known);
        }
        return known;
    }

    public static String profile(ClusterProfile p) {
        JsonObject o = new JsonObject();
        o.addProperty("id", p.id());
        o.addProperty("name", p.name());
        o.addProperty("host", p.host());
        o.addProperty("port", p.port());
        o.addProperty("user", p.user());
        o.addProperty("authMethod", p.authMethod().name());
        o.addProperty("keyFile", p.keyFile());
        o.addProperty("transferHost", p.transferHost());
        o.addProperty("commandPrefix", p.commandPrefix());
        o.add("moduleLines", GSON.toJsonTree(p.moduleLines()));
        o.add("partitions", GSON.toJsonTree(p.partitions()));
        o.add("qos", GSON.toJsonTree(p.qos()));
        o.add("accounts", GSON.toJsonTree(p.accounts()));
        o.addProperty("projectsRoot", p.projectsRoot());
        o.addProperty("scratchRoot", p.scratchRoot());
        o.addProperty("coresPerNode", p.coresPerNode());
        o.addProperty("memoryPerNodeMb", p.memoryPerNodeMb());
        o.addProperty("maxWalltimeSeconds", p.maxWalltime().toSeconds());
        o.addProperty("pollIntervalSeconds", p.pollInterval().toSeconds());
        if (!p.preemptionRequeue().isZero()) {
            o.addProperty("preemptionRequeueSeconds", p.preemptionRequeue().toSeconds());
        }
        if (!p.limits().isEmpty()) {
            JsonObject qos = new JsonObject();
            p.limits().qosMaxWalltime().forEach((name, max) -> qos.addProperty(name, max.toSeconds()));
            o.add("qosMaxWalltimeSeconds", qos);
            JsonObject partitions = new JsonObject();
            p.limits().partitionQos().forEach((name, accepted) -> partitions.add(name, GSON.toJsonTree(accepted)));
            o.add("partitionQos", partitions);
        }
        BillingRule billing = p.limits().billing();
        if (billing.isKnown()) {
            JsonObject b = new JsonObject();
            b.addProperty("suPerCoreHour", billing.suPerCoreHour());
            b.addProperty("suPerGpuHour", billing.suPerGpuHour());
            b.add("partitionGpuRates", GSON.toJsonTree(billing.partitionGpuRates()));
            b.add("partitionWeights", GSON.toJsonTree(billing.partitionWeights()));
            o.add("billing", b);
        }
        if (!p.gpu().isEmpty()) {
            JsonObject gpus = new JsonObject();
            p.gpu().gpusPerNode().forEach(gpus::addProperty);
            o.add("gpusPerNode", gpus);
            o.addProperty("gpuRequest", p.gpu().request().word());
            o.add("gpuModuleLines", GSON.toJsonTree(p.gpu().moduleLines()));
        }
        return o.toString();
    }

    public static ClusterProfile profile(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ClusterProfile(str(o, "id"), str(o, "name"), str(o, "host"), o.get("port").getAsInt(), str(o, "user"),
                ClusterProfile.AuthMethod.valueOf(str(o, "authMethod")), str(o, "keyFile"), str(o, "transferHost"),
                str(o, "commandPrefix"), GSON.fromJson(o.get("moduleLines"), STRINGS), GSON.fromJson(o.get("partitions"), STRINGS),
                GSON.fromJson(o.get("qos"), STRINGS), GSON.fromJson(o.get("accounts"), STRINGS), str(o, "projectsRoot"),
                str(o, "scratchRoot"), o.get("coresPerNode").getAsInt(), o.get("memoryPerNodeMb").getAsLong(),
                Duration.ofSeconds(o.get("maxWalltimeSeconds").getAsLong()), Duration.ofSeconds(o.get("pollIntervalSeconds").getAsLong()),
                limits(o), Duration.ofSeconds(o.has("preemptionRequeueSeconds") ? o.get("preemptionRequeueSeconds").getAsLong() : 0),
                gpu(o));
    }

    /** Profiles stored before GPUs were known have none of the keys and load with {@link GpuSetup#NONE}. */
    private static GpuSetup gpu(JsonObject o) {
        Map<String, Integer> gpus = new LinkedHashMap<>();
        if (o.has("gpusPerNode") && o.get("gpusPerNode").isJsonObject()) {
            o.getAsJsonObject("gpusPerNode").entrySet().forEach(e -> gpus.put(e.getKey(), e.getValue().getAsInt()));
        }
        List<String> lines = o.has("gpuModuleLines") && o.get("gpuModuleLines").isJsonArray()
                ? GSON.fromJson(o.get("gpuModuleLines"), STRINGS) : List.of();
        return new GpuSetup(gpus, GpuSetup.Request.of(str(o, "gpuRequest")), lines);
    }

    /** Profiles stored before limits existed have neither key and load with {@link ClusterLimits#NONE}. */
    private static ClusterLimits limits(JsonObject o) {
        Map<String, Duration> qos = new LinkedHashMap<>();
        if (o.has("qosMaxWalltimeSeconds") && o.get("qosMaxWalltimeSeconds").isJsonObject()) {
            o.getAsJsonObject("qosMaxWalltimeSeconds").entrySet()
                    .forEach(e -> qos.put(e.getKey(), Duration.ofSeconds(e.getValue().getAsLong())));
        }
        Map<String, List<String>> partitions = new LinkedHashMap<>();
        if (o.has("partitionQos") && o.get("partitionQos").isJsonObject()) {
            o.getAsJsonObject("partitionQos").entrySet().forEach(e -> partitions.put(e.getKey(), GSON.fromJson(e.getValue(), STRINGS)));
        }
        return new ClusterLimits(qos, partitions, billing(o));
    }

    private static final Type RATES = new TypeToken<Map<String, Double>>() { }.getType();

    /** Profiles stored before billing rules existed have no key and load with {@link BillingRule#NONE}. */
    private static BillingRule billing(JsonObject o) {
        if (!o.has("billing") || !o.get("billing").isJsonObject()) {
            return BillingRule.NONE;
        }
        JsonObject b = o.getAsJsonObject("billing");
        return new BillingRule(b.has("suPerCoreHour") ? b.get("suPerCoreHour").getAsDouble() : 0,
                b.has("suPerGpuHour") ? b.get("suPerGpuHour").getAsDouble() : 0,
                b.has("partitionGpuRates") ? GSON.fromJson(b.get("partitionGpuRates"), RATES) : Map.of(),
                b.has("partitionWeights") ? GSON.fromJson(b.get("partitionWeights"), RATES) : Map.of());
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }

    private interface Writing {
        void to(JsonWriter w) throws IOException;
    }

    private interface Reading<T> {
        T from(JsonReader r) throws IOException;
    }

    private static String write(Writing writing) {
        StringWriter out = new StringWriter(64);
        try (JsonWriter w = new JsonWriter(out)) {
            writing.to(w);
        } catch (IOException e) {
            throw new UncheckedIOException(e);   // a StringWriter does not fail
        }
        return out.toString();
    }

    private static <T> T read(String json, Reading<T> reading) {
        try (JsonReader in = new JsonReader(new StringReader(json))) {
            T value = reading.from(in);
            if (in.peek() != JsonToken.END_DOCUMENT) {
                throw new IllegalStateException("text after the JSON value: " + json);
            }
            return value;
        } catch (IOException e) {
            throw new IllegalStateException("not the expected JSON: " + json + " (" + e.getMessage() + ")", e);
        }
    }

    private static String string(JsonReader in) throws IOException {
        if (in.peek() == JsonToken.NULL) {
            in.nextNull();
            return "";
        }
        return in.nextString();
    }
}
