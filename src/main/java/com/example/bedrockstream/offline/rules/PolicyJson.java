package com.example.bedrockstream.offline.rules;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/** The statements of a policy document as the rules read them: a single value and a one-element list alike. */
final class PolicyJson {
    private PolicyJson() {
    }

    /** The statements, or empty when the text is not a policy document (another rule reports that). */
    static Optional<List<JsonObject>> statements(Object policy) {
        return Inputs.json(String.valueOf(policy)).filter(JsonElement::isJsonObject).map(document -> {
            JsonElement statements = document.getAsJsonObject().get("Statement");
            return list(statements).stream().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject).toList();
        });
    }

    static boolean allows(JsonObject statement) {
        return !statement.has("Effect") || "Allow".equals(statement.get("Effect").getAsString());
    }

    /** The string values of a field that may be a string or a list of strings. */
    static List<String> strings(JsonElement element) {
        return list(element).stream().filter(e -> e.isJsonPrimitive()).map(JsonElement::getAsString).toList();
    }

    /** {@code "*"} or the values of {"AWS": ...}, {"Service": ...} for the given principal kind. */
    static List<String> principals(JsonObject statement, String kind) {
        JsonElement principal = statement.get("Principal");
        if (principal == null) {
            return List.of();
        }
        if (principal.isJsonPrimitive()) {
            return List.of(principal.getAsString());
        }
        return principal.isJsonObject() ? strings(principal.getAsJsonObject().get(kind)) : List.of();
    }

    /** Whether the statement has a condition on this key, under any operator (keys are case-insensitive). */
    static boolean conditions(JsonObject statement, String key) {
        JsonElement condition = statement.get("Condition");
        return condition != null && condition.isJsonObject() && condition.getAsJsonObject().entrySet().stream()
                .filter(operator -> operator.getValue().isJsonObject())
                .anyMatch(operator -> operator.getValue().getAsJsonObject().keySet().stream().anyMatch(key::equalsIgnoreCase));
    }

    private static List<JsonElement> list(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return List.of();
        }
        return element.isJsonArray() ? StreamSupport.stream(element.getAsJsonArray().spliterator(), false).toList()
                : List.of(element);
    }
}
