package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.ConfigProblem;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonSyntaxException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.LongPredicate;
import java.util.function.Predicate;

/**
 * Reads raw config values and records a {@link ConfigProblem} for each bad one instead of failing on the first,
 * so a stack reports everything that is wrong at once. Defaults come from Pulumi.yaml, which the CLI applies.
 */
final class ConfigReader {
    private final String namespace;
    private final Function<String, Optional<String>> lookup;
    private final Predicate<String> isSecret;
    private final List<ConfigProblem> problems = new ArrayList<>();
    private final Set<String> read = new HashSet<>();
    private final Map<Slot<?>, Optional<?>> values = new HashMap<>();

    /**
     * Somewhere a checked value is kept until every key is read: each {@link ConfigKey}, and what the parser derives
     * from several keys or another stack.
     */
    interface Slot<T> {
    }

    /** A value the parser derives, such as the earlier stack read through the key that names it. */
    record Derived<T>(String what) implements Slot<T> {
    }

    /**
     * @param lookup   full key ("namespace:key") to raw value, as the engine passes it
     * @param isSecret whether a full key was stored encrypted
     */
    ConfigReader(String namespace, Function<String, Optional<String>> lookup, Predicate<String> isSecret) {
        this.namespace = namespace;
        this.lookup = lookup;
        this.isSecret = isSecret;
    }

    /** Reads {@code key} with its own check, and keeps the value for {@link #known} and {@link Values}. */
    <T> Optional<T> read(ConfigKey<T> key) {
        return keep(key, key.check(this));
    }

    /**
     * Keeps a checked value: empty when refused, and every refusal records a problem, so once none was found
     * {@link #values()} hands out each value kept without an Optional.
     */
    <T> Optional<T> keep(Slot<T> slot, Optional<T> value) {
        values.put(slot, value);
        return value;
    }

    /** The value an earlier read kept, empty when it was refused or not read. */
    @SuppressWarnings("unchecked")
    <T> Optional<T> known(Slot<T> slot) {
        return (Optional<T>) values.getOrDefault(slot, Optional.empty());
    }

    /** Every value read, checked: only when no problem was found. */
    Values values() {
        if (!problems.isEmpty()) {
            throw new IllegalStateException("values of a config with problems: " + problems);
        }
        return new Values();
    }

    /** The values of a config without problems: each one kept is there. */
    final class Values {
        private Values() {
        }

        <T> T get(Slot<T> slot) {
            return known(slot).orElseThrow(() -> new IllegalStateException(slot + " was not read, or refused"
                    + " without a problem"));
        }
    }

    List<ConfigProblem> problems() {
        return List.copyOf(problems);
    }

    String fullKey(String key) {
        return key.contains(":") ? key : namespace + ":" + key;
    }

    void problem(String key, String shownValue, String expected) {
        problems.add(new ConfigProblem(fullKey(key), shownValue, expected));
    }

    void add(ConfigProblem problem) {
        problems.add(problem);
    }

    void badValue(String key, String value, String expected) {
        problem(key, quote(value), expected);
    }

    Optional<String> raw(String key) {
        read.add(fullKey(key));
        return peek(key);
    }

    /** A value, without counting the key as one the stack's role reads. */
    Optional<String> peek(String key) {
        return lookup.apply(fullKey(key)).filter(v -> !v.isBlank());
    }

    /** Whether the parser asked for this key: the keys a role reads are exactly those. */
    boolean wasRead(String key) {
        return read.contains(fullKey(key));
    }

    boolean storedAsSecret(String key) {
        return isSecret.test(fullKey(key));
    }

    /** A required string; records "(not set)" and returns empty when missing. */
    Optional<String> required(String key, String expected) {
        var value = raw(key);
        if (value.isEmpty()) {
            problem(key, ConfigProblem.MISSING, expected);
        }
        return value;
    }

    /** A required string that must satisfy {@code valid}; returns empty when missing or invalid. */
    Optional<String> required(String key, Predicate<String> valid, String expected) {
        return required(key, expected).filter(v -> {
            if (valid.test(v)) {
                return true;
            }
            badValue(key, v, expected);
            return false;
        });
    }

    /** A whole number that must satisfy {@code valid}; returns empty when missing or invalid. */
    Optional<Long> number(String key, LongPredicate valid, String expected) {
        var value = required(key, expected);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            long n = Long.parseLong(value.get().trim());
            if (valid.test(n)) {
                return Optional.of(n);
            }
        } catch (NumberFormatException notANumber) {
            // reported below with the same message as an out-of-range number
        }
        badValue(key, value.get(), expected);
        return Optional.empty();
    }

    Optional<Integer> integer(String key, int min, int max, String what) {
        return number(key, n -> n >= min && n <= max, what + " from " + min + " to " + max)
                .map(Long::intValue);
    }

    /** A required true or false. */
    Optional<Boolean> bool(String key) {
        return required(key, v -> v.equals("true") || v.equals("false"), "true or false").map(Boolean::parseBoolean);
    }

    /** A list of strings (the engine passes arrays as JSON); records problems for a non-list. */
    Optional<List<String>> stringList(String key, String expected) {
        var value = raw(key);
        if (value.isEmpty()) {
            return Optional.of(List.of());
        }
        try {
            JsonElement parsed = JsonParser.parseString(value.get());
            if (parsed.isJsonArray()) {
                return Optional.of(strings(parsed.getAsJsonArray()));
            }
        } catch (JsonSyntaxException | IllegalStateException | UnsupportedOperationException notAList) {
            // reported below
        }
        badValue(key, value.get(), "a list of strings: " + expected);
        return Optional.empty();
    }

    private static List<String> strings(JsonArray array) {
        var out = new ArrayList<String>();
        for (JsonElement e : array) {
            out.add(e.getAsString());
        }
        return out;
    }

    static String quote(String value) {
        return "\"" + value + "\"";
    }
}
