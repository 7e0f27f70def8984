package com.example.bedrockstream;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Policy JSON parsed back, so tests check statement by statement what AWS will read. */
public final class Policies {
    private Policies() {
    }

    /** One parsed statement. Values that may be a string or a list are always lists here. */
    public record Stmt(String sid, String effect, Map<String, List<String>> principal, List<String> actions,
                       List<String> resources, Map<String, Map<String, List<String>>> conditions) {

        public List<String> condition(String operator, String key) {
            var byKey = conditions.get(operator);
            return byKey == null ? null : byKey.get(key);
        }
    }

    public static List<Stmt> parse(Object json) {
        JsonObject root = JsonParser.parseString(String.valueOf(json)).getAsJsonObject();
        if (!"2012-10-17".equals(root.get("Version").getAsString())) {
            throw new AssertionError("policy version is not 2012-10-17: " + json);
        }
        var out = new ArrayList<Stmt>();
        for (JsonElement e : root.getAsJsonArray("Statement")) {
            JsonObject s = e.getAsJsonObject();
            out.add(new Stmt(
                    s.has("Sid") ? s.get("Sid").getAsString() : "",
                    s.get("Effect").getAsString(),
                    s.has("Principal") ? s.getAsJsonObject("Principal").entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, p -> strings(p.getValue()))) : Map.of(),
                    strings(s.get("Action")),
                    s.has("Resource") ? strings(s.get("Resource")) : List.of(),
                    s.has("Condition") ? s.getAsJsonObject("Condition").entrySet().stream()
                            .collect(Collectors.toMap(Map.Entry::getKey, op -> op.getValue().getAsJsonObject()
                                    .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
                                            k -> strings(k.getValue()))))) : Map.of()));
        }
        return out;
    }

    public static Stmt statement(Object json, String sid) {
        return parse(json).stream().filter(s -> s.sid().equals(sid)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement " + sid + " in " + json));
    }

    private static List<String> strings(JsonElement value) {
        if (value.isJsonArray()) {
            var out = new ArrayList<String>();
            for (JsonElement e : (JsonArray) value) {
                out.add(e.getAsString());
            }
            return out;
        }
        return List.of(value.getAsString());
    }
}
