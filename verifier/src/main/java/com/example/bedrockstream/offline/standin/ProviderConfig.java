package com.example.bedrockstream.offline.standin;

import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a provider's configuration sets that the stand-in acts on: the region its resources go to, and which
 * accounts its credentials may be for.
 */
record ProviderConfig(String region, Optional<List<String>> allowedAccountIds, List<String> forbiddenAccountIds) {

    /**
     * Reads the configuration from Configure's arguments, else from its variables ("aws:config:region"; lists as
     * JSON text), as the engine sends both.
     */
    static ProviderConfig of(Map<String, String> variables, Map<String, Object> args) {
        var plain = Values.plain(args);
        String region = text(plain.get("region"))
                .or(() -> Optional.ofNullable(variables.get("aws:config:region")))
                .filter(value -> !value.isBlank())
                .orElseThrow(() -> AwsError.invalid(
                        "Missing required argument: The argument \"region\" is required, but no definition was found."));
        return new ProviderConfig(region, accounts(plain, variables, "allowedAccountIds"),
                accounts(plain, variables, "forbiddenAccountIds").orElse(List.of()));
    }

    /** Refuses credentials of an account the configuration does not allow, in the AWS provider's words. */
    void admit(String account) {
        if (allowedAccountIds.isPresent() && !allowedAccountIds.get().contains(account)
                || forbiddenAccountIds.contains(account)) {
            throw AwsError.invalid("AWS account ID not allowed: " + account);
        }
    }

    private static Optional<List<String>> accounts(Map<String, Object> args, Map<String, String> variables, String key) {
        Object value = args.containsKey(key) ? args.get(key) : variables.get("aws:config:" + key);
        if (value instanceof List<?> list) {
            return Optional.of(list.stream().map(String::valueOf).toList());
        }
        return text(value).map(String::strip).filter(text -> !text.isEmpty()).map(text -> text.startsWith("[")
                ? JsonParser.parseString(text).getAsJsonArray().asList().stream().map(e -> e.getAsString()).toList()
                : List.of(text));
    }

    private static Optional<String> text(Object value) {
        return value instanceof String text ? Optional.of(text) : Optional.empty();
    }
}
