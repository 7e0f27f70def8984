package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.PolicyJson;
import com.google.gson.JsonElement;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plain text of every secret the pack was handed or decrypted, kept out of everything it prints: a finding
 * renders the value it found fault with, and that value may be a secret (or a policy document holding one).
 */
final class SecretTexts {
    /** Shorter texts (a port, "true") would mask ordinary words; no secret here is that short. */
    private static final int SHORTEST = 6;
    private static final String MASK = "[secret]";
    /** How a finding cuts a long value (Inputs.render), which may cut a secret short too. */
    private static final String CUT = "...";

    private final Set<String> texts = ConcurrentHashMap.newKeySet();

    /** Keeps a secret value's text, and the text of each string inside it, a JSON document's included. */
    void add(Object value) {
        if (value instanceof String text) {
            keep(text);
            PolicyJson.parse(text).ifPresent(this::addJson);
        } else if (value instanceof Map<?, ?> map) {
            map.values().forEach(this::add);
        } else if (value instanceof List<?> list) {
            list.forEach(this::add);
        }
    }

    private void addJson(JsonElement element) {
        if (element.isJsonPrimitive()) {
            keep(element.getAsString());
        } else if (element.isJsonArray()) {
            element.getAsJsonArray().forEach(this::addJson);
        } else if (element.isJsonObject()) {
            element.getAsJsonObject().entrySet().forEach(e -> addJson(e.getValue()));
        }
    }

    private void keep(String text) {
        if (text.length() >= SHORTEST) {
            texts.add(text);
        }
    }

    /** {@code text} with every secret, and every secret's beginning cut off by "...", replaced by [secret]. */
    String mask(String text) {
        String masked = text;
        for (String secret : texts.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList()) {
            masked = masked.replace(secret, MASK);
            for (int length = secret.length() - 1; length >= SHORTEST && masked.contains(CUT); length--) {
                masked = masked.replace(secret.substring(0, length) + CUT, MASK + CUT);
            }
        }
        return masked;
    }
}
