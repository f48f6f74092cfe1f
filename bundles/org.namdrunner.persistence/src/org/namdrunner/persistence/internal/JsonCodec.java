package org.namdrunner.persistence.internal;

import java.lang.reflect.Type;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.reflect.TypeToken;

import org.namdrunner.core.cluster.ClusterProfile;
import org.namdrunner.core.model.ErrorInfo;
import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/** The JSON columns: resources, error info, file lists, cluster profiles. */
public final class JsonCodec {

    private static final Gson GSON = new Gson();
    private static final Type STRINGS = new TypeToken<List<String>>() { }.getType();

    private JsonCodec() {
    }

    public static String resources(Resources r) {
        JsonObject o = new JsonObject();
        o.addProperty("cores", r.cores());
        o.addProperty("memory", r.memory().toString());
        o.addProperty("walltimeSeconds", r.walltime().toSeconds());
        o.addProperty("partition", r.partition());
        o.addProperty("qos", r.qos());
        o.addProperty("account", r.account());
        o.addProperty("gpus", r.gpus());
        o.addProperty("constraint", r.constraint());
        return o.toString();
    }

    public static Resources resources(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new Resources(o.get("cores").getAsInt(), MemorySize.parse(o.get("memory").getAsString()),
                Duration.ofSeconds(o.get("walltimeSeconds").getAsLong()), str(o, "partition"), str(o, "qos"),
                str(o, "account"), o.has("gpus") ? o.get("gpus").getAsInt() : 0, str(o, "constraint"));
    }

    public static String error(ErrorInfo e) {
        if (e == null) {
            return null;
        }
        JsonObject o = new JsonObject();
        o.addProperty("type", e.type());
        o.addProperty("message", e.message());
        o.addProperty("exitCode", e.exitCode());
        o.addProperty("at", e.at().toString());
        return o.toString();
    }

    public static ErrorInfo error(String json) {
        if (json == null || json.isBlank()) {
            return null;
        }
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ErrorInfo(str(o, "type"), str(o, "message"), str(o, "exitCode"), Instant.parse(o.get("at").getAsString()));
    }

    public static String strings(List<String> list) {
        return GSON.toJson(list);
    }

    public static List<String> strings(String json) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        List<String> list = GSON.fromJson(json, STRINGS);
        return list == null ? List.of() : list;
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
        return o.toString();
    }

    public static ClusterProfile profile(String json) {
        JsonObject o = JsonParser.parseString(json).getAsJsonObject();
        return new ClusterProfile(str(o, "id"), str(o, "name"), str(o, "host"), o.get("port").getAsInt(), str(o, "user"),
                ClusterProfile.AuthMethod.valueOf(str(o, "authMethod")), str(o, "keyFile"), str(o, "transferHost"),
                str(o, "commandPrefix"), GSON.fromJson(o.get("moduleLines"), STRINGS), GSON.fromJson(o.get("partitions"), STRINGS),
                GSON.fromJson(o.get("qos"), STRINGS), GSON.fromJson(o.get("accounts"), STRINGS), str(o, "projectsRoot"),
                str(o, "scratchRoot"), o.get("coresPerNode").getAsInt(), o.get("memoryPerNodeMb").getAsLong(),
                Duration.ofSeconds(o.get("maxWalltimeSeconds").getAsLong()), Duration.ofSeconds(o.get("pollIntervalSeconds").getAsLong()));
    }

    private static String str(JsonObject o, String key) {
        return o.has(key) && !o.get(key).isJsonNull() ? o.get(key).getAsString() : "";
    }
}
