package com.example.bedrockstream.offline;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.List;
import java.util.Optional;
import java.util.stream.StreamSupport;

/**
 * Policy documents as IAM reads them, for the rules and the path proof: a single value and a one-element list alike.
 */
public final class PolicyJson {
    private PolicyJson() {
    }

    /** Strict JSON, as the provider's StringIsJSON reads it (Gson's default would accept unquoted names). */
    public static Optional<JsonElement> parse(String text) {
        try (var reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = new Gson().getAdapter(JsonElement.class).read(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? Optional.of(element) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The statements, or empty when the text is not a policy document (another rule reports that). */
    public static Optional<List<JsonObject>> statements(Object policy) {
        return parse(String.valueOf(policy)).filter(JsonElement::isJsonObject).map(document -> {
            JsonElement statements = document.getAsJsonObject().get("Statement");
            return elements(statements).stream().filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject).toList();
        });
    }

    public static boolean allows(JsonObject statement) {
        return !statement.has("Effect") || "Allow".equals(statement.get("Effect").getAsString());
    }

    /** The string values of a field that may be a string or a list of strings. */
    public static List<String> strings(JsonElement element) {
        return elements(element).stream().filter(e -> e.isJsonPrimitive()).map(JsonElement::getAsString).toList();
    }

    /** {@code "*"} or the values of {"AWS": ...}, {"Service": ...} for the given principal kind. */
    public static List<String> principals(JsonObject statement, String kind) {
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
    public static boolean conditions(JsonObject statement, String key) {
        JsonElement condition = statement.get("Condition");
        return condition != null && condition.isJsonObject() && condition.getAsJsonObject().entrySet().stream()
                .filter(operator -> operator.getValue().isJsonObject())
                .anyMatch(operator -> operator.getValue().getAsJsonObject().keySet().stream().anyMatch(key::equalsIgnoreCase));
    }

    /** The elements of a field that may hold one value or a list of them; an absent field has none. */
    public static List<JsonElement> elements(JsonElement element) {
        if (element == null) {
            return List.of();
        }
        return element.isJsonArray() ? StreamSupport.stream(element.getAsJsonArray().spliterator(), false).toList()
                : List.of(element);
    }
}
