package org.namdrunner.namd;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

import org.namdrunner.core.model.InvalidInputException;
import org.namdrunner.core.store.StoreException;
import org.namdrunner.core.store.StoredTemplate;
import org.namdrunner.core.store.TemplateVariable;

/**
 * Export and import of templates as one self-describing JSON file (docs/namd.md):
 * <pre>
 * {"format": "namdrunner-templates", "version": 1, "templates": [
 *   {"id": "my-npt", "name": "My NPT", "jobType": "namd", "description": "...",
 *    "variables": [{"key": "temperature", "label": "temperature (K)", "type": "number", "min": 0, "max": 1000, "default": "310"},
 *                  {"key": "restraintFile", "label": "restraints", "type": "file", "extensions": ["txt"]}],
 *    "text": "temperature {{temperature}}\n..."}]}
 * </pre>
 * Reading checks the whole file before anything is stored: an unknown format or type, a placeholder without a
 * declaration, a name or id given twice — each is an {@link InvalidInputException} naming the template.
 */
public final class TemplateExchange {

    public static final String FORMAT = "namdrunner-templates";
    public static final int VERSION = 1;
    public static final int MAX_FILE_CHARS = 5_000_000;

    private TemplateExchange() {
    }

    public static String write(List<NamdTemplate> templates) {
        JsonObject root = new JsonObject();
        root.addProperty("format", FORMAT);
        root.addProperty("version", VERSION);
        JsonArray list = new JsonArray();
        for (NamdTemplate n : templates) {
            StoredTemplate t = n.toStored();
            JsonObject o = new JsonObject();
            o.addProperty("id", t.id());
            o.addProperty("name", t.name());
            o.addProperty("jobType", t.jobTypeId());
            o.addProperty("description", t.description());
            JsonArray vars = new JsonArray();
            for (TemplateVariable v : t.variables()) {
                JsonObject j = new JsonObject();
                j.addProperty("key", v.key());
                j.addProperty("label", v.label());
                j.addProperty("type", v.type());
                if (v.type().equals("integer") || v.type().equals("number")) {
                    j.addProperty("min", v.min());
                    j.addProperty("max", v.max());
                }
                j.addProperty("default", v.defaultValue());
                if (!v.extensions().isEmpty()) {
                    JsonArray ext = new JsonArray();
                    v.extensions().forEach(ext::add);
                    j.add("extensions", ext);
                }
                vars.add(j);
            }
            o.add("variables", vars);
            o.addProperty("text", t.text());
            list.add(o);
        }
        root.add("templates", list);
        return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().create().toJson(root) + "\n";
    }

    /** Every template of the file, checked; nothing is partly read. */
    public static List<NamdTemplate> read(String fileText) {
        if (fileText == null || fileText.isBlank()) {
            throw new InvalidInputException("file", "The template file is empty.");
        }
        if (fileText.length() > MAX_FILE_CHARS) {
            throw new InvalidInputException("file", "The template file is larger than " + MAX_FILE_CHARS / 1_000_000 + " MB.");
        }
        JsonObject root;
        try {
            JsonElement e = JsonParser.parseString(fileText);
            if (!e.isJsonObject()) {
                throw new InvalidInputException("file", "The template file is not a NAMDRunner template file (no JSON object).");
            }
            root = e.getAsJsonObject();
        } catch (JsonParseException e) {
            throw new InvalidInputException("file", "The template file is not valid JSON: " + e.getMessage());
        }
        if (!FORMAT.equals(string(root, "format", "the file"))) {
            throw new InvalidInputException("file", "The file is not a NAMDRunner template file (its format is not '" + FORMAT + "').");
        }
        JsonElement version = root.get("version");
        if (version == null || !version.isJsonPrimitive() || !version.getAsJsonPrimitive().isNumber()
                || version.getAsDouble() != VERSION) {
            throw new InvalidInputException("file", "The template file has version " + version + "; this NAMDRunner reads version "
                    + VERSION + ".");
        }
        JsonElement list = root.get("templates");
        if (list == null || !list.isJsonArray() || list.getAsJsonArray().isEmpty()) {
            throw new InvalidInputException("file", "The template file contains no templates.");
        }
        List<NamdTemplate> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> names = new HashSet<>();
        int index = 0;
        for (JsonElement e : list.getAsJsonArray()) {
            index++;
            String where = "template " + index;
            if (!e.isJsonObject()) {
                throw new InvalidInputException("file", "The " + where + " of the file is not a JSON object.");
            }
            NamdTemplate t;
            try {
                t = template(e.getAsJsonObject(), where);
            } catch (InvalidInputException ex) {
                throw new InvalidInputException(ex.field(), "In the " + where + " of the file: " + ex.getMessage());
            }
            if (!ids.add(t.id())) {
                throw new InvalidInputException("id", "The template id '" + t.id() + "' appears twice in the file.");
            }
            if (!names.add(t.name().toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("name", "The template name '" + t.name() + "' appears twice in the file.");
            }
            out.add(t);
        }
        return out;
    }

    /**
     * Reads the file and stores all its templates, or none: a template whose name or id is already a built-in or
     * stored template's is refused (delete or rename that one first).
     */
    public static List<NamdTemplate> importInto(String fileText, NamdTemplates catalog) throws StoreException {
        List<NamdTemplate> read = read(fileText);
        List<NamdTemplate> existing = catalog.all();
        for (NamdTemplate t : read) {
            for (NamdTemplate old : existing) {
                if (old.id().equals(t.id()) || old.name().equalsIgnoreCase(t.name())) {
                    throw new InvalidInputException("name", "The template '" + t.name() + "' (" + t.id() + ") clashes with the "
                            + (old.builtIn() ? "built-in" : "stored") + " template '" + old.name() + "' (" + old.id()
                            + "); nothing was imported. Rename it in the file, or delete the stored one first.");
                }
            }
        }
        catalog.save(read);
        return read;
    }

    private static NamdTemplate template(JsonObject o, String where) {
        List<TemplateVariable> vars = new ArrayList<>();
        JsonElement list = o.get("variables");
        if (list != null && !list.isJsonNull()) {
            if (!list.isJsonArray()) {
                throw new InvalidInputException("variables", "'variables' must be a list.");
            }
            for (JsonElement e : list.getAsJsonArray()) {
                if (!e.isJsonObject()) {
                    throw new InvalidInputException("variables", "a variable is not a JSON object.");
                }
                JsonObject j = e.getAsJsonObject();
                String key = string(j, "key", "a variable");
                String type = string(j, "type", "variable '" + key + "'");
                if ((type.equals("integer") || type.equals("number")) && (j.get("min") == null || j.get("max") == null)) {
                    throw new InvalidInputException("variables", "the " + type + " variable '" + key + "' needs a 'min' and a 'max'.");
                }
                List<String> ext = new ArrayList<>();
                JsonElement x = j.get("extensions");
                if (x != null && !x.isJsonNull()) {
                    if (!x.isJsonArray()) {
                        throw new InvalidInputException("variables", "the extensions of variable '" + key + "' must be a list.");
                    }
                    for (JsonElement s : x.getAsJsonArray()) {
                        if (!s.isJsonPrimitive()) {
                            throw new InvalidInputException("variables", "the extensions of variable '" + key + "' must be words.");
                        }
                        ext.add(s.getAsString());
                    }
                }
                vars.add(new TemplateVariable(key, optional(j, "label"), type,
                        number(j, "min", key), number(j, "max", key), optional(j, "default"), ext));
            }
        }
        StoredTemplate st = new StoredTemplate(string(o, "id", where), string(o, "name", where), string(o, "jobType", where),
                optional(o, "description"), string(o, "text", where), vars);
        return NamdTemplate.fromStored(st);
    }

    private static String string(JsonObject o, String key, String where) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            throw new InvalidInputException(key, "'" + key + "' is missing in " + where + ".");
        }
        if (!e.isJsonPrimitive()) {
            throw new InvalidInputException(key, "'" + key + "' in " + where + " must be text.");
        }
        return e.getAsString();
    }

    private static String optional(JsonObject o, String key) {
        JsonElement e = o.get(key);
        return e == null || e.isJsonNull() || !e.isJsonPrimitive() ? "" : e.getAsString();
    }

    private static double number(JsonObject o, String key, String variable) {
        JsonElement e = o.get(key);
        if (e == null || e.isJsonNull()) {
            return 0;
        }
        try {
            return e.getAsDouble();
        } catch (RuntimeException ex) {
            throw new InvalidInputException("variables", "'" + key + "' of variable '" + variable + "' is not a number.");
        }
    }
}
