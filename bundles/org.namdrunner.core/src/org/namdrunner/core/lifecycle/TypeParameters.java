package org.namdrunner.core.lifecycle;

import java.util.LinkedHashMap;
import java.util.Map;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** A job's type parameters: a flat JSON object of strings. */
public final class TypeParameters {

    private TypeParameters() {
    }

    public static Map<String, String> read(String json) {
        Map<String, String> map = new LinkedHashMap<>();
        JsonElement root = JsonParser.parseString(json == null || json.isBlank() ? "{}" : json);
        if (root.isJsonObject()) {
            JsonObject o = root.getAsJsonObject();
            for (String key : o.keySet()) {
                JsonElement v = o.get(key);
                map.put(key, v.isJsonPrimitive() ? v.getAsString() : v.toString());
            }
        }
        return map;
    }
}
