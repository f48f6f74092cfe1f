package org.namdrunner.persistence.internal;

import java.time.Duration;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import org.namdrunner.core.model.MemorySize;
import org.namdrunner.core.model.Resources;

/**
 * The prototype's {@code slurm_config}, {@code {"cores": 24, "memory": "16GB", "walltime": "04:00:00", "partition",
 * "qos", "account"}}, as {@link Resources}. A value that cannot be read keeps the default and is noted.
 */
final class V1Resources {

    private V1Resources() {
    }

    static Resources read(String json, List<String> notes) {
        Resources r = Resources.minimal();
        if (json == null || json.isBlank()) {
            return r;
        }
        JsonObject o;
        try {
            o = JsonParser.parseString(json).getAsJsonObject();
        } catch (RuntimeException e) {
            notes.add("slurm_config '" + json + "' is not a JSON object; default resources used");
            return r;
        }
        if (has(o, "cores")) {
            try {
                r = r.withCores(o.get("cores").getAsInt());
            } catch (RuntimeException e) {
                notes.add("cores '" + o.get("cores") + "' not understood; " + r.cores() + " used");
            }
        }
        if (has(o, "memory")) {
            String mem = o.get("memory").getAsString().strip();
            try {
                // the prototype wrote bare numbers as gigabytes; SLURM would read them as megabytes
                r = r.withMemory(mem.matches("\\d+") ? new MemorySize(Long.parseLong(mem), MemorySize.Unit.GB) : MemorySize.parse(mem));
            } catch (RuntimeException e) {
                notes.add("memory '" + mem + "' not understood; " + r.memory() + " used");
            }
        }
        if (has(o, "walltime")) {
            String text = o.get("walltime").getAsString();
            try {
                r = r.withWalltime(walltime(text));
            } catch (RuntimeException e) {
                notes.add("walltime '" + text + "' not understood; " + r.walltimeForSlurm() + " used");
            }
        }
        for (String field : List.of("partition", "qos", "account")) {
            if (has(o, field)) {
                String value = o.get(field).getAsString().strip();
                try {
                    r = switch (field) {
                        case "partition" -> r.withPartition(value);
                        case "qos" -> r.withQos(value);
                        default -> r.withAccount(value);
                    };
                } catch (RuntimeException e) {
                    notes.add(field + " '" + value + "' is not a valid name; left empty");
                }
            }
        }
        return r;
    }

    private static boolean has(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e != null && !e.isJsonNull() && !(e.isJsonPrimitive() && e.getAsString().isBlank());
    }

    /** SLURM's forms: {@code M}, {@code M:S}, {@code H:M:S}, {@code D-H}, {@code D-H:M}, {@code D-H:M:S}. */
    static Duration walltime(String text) {
        String t = text.strip();
        int dash = t.indexOf('-');
        long days = dash > 0 ? Long.parseLong(t.substring(0, dash)) : 0;
        String[] p = t.substring(dash + 1).split(":");
        long[] v = new long[p.length];
        for (int i = 0; i < p.length; i++) {
            v[i] = Long.parseLong(p[i]);
        }
        Duration d = Duration.ofDays(days);
        if (p.length == 3) {
            return d.plusHours(v[0]).plusMinutes(v[1]).plusSeconds(v[2]);
        }
        if (dash > 0) {
            return p.length == 1 ? d.plusHours(v[0]) : d.plusHours(v[0]).plusMinutes(v[1]);
        }
        if (p.length == 2) {
            return d.plusMinutes(v[0]).plusSeconds(v[1]);
        }
        if (p.length == 1) {
            return d.plusMinutes(v[0]);
        }
        throw new IllegalArgumentException(text);
    }
}
