package com.example.bedrockstream.offline.path;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request as a policy sees it.
 *
 * @param principalArn who asks, empty when the policy is an identity policy of that principal (no Principal element)
 * @param context      condition keys (case-insensitive, as in IAM) to their values
 */
public record PolicyRequest(String action, String resource, Optional<String> principalArn,
                            Map<String, List<String>> context) {

    public PolicyRequest {
        var lower = new LinkedHashMap<String, List<String>>();
        context.forEach((key, values) -> lower.put(key.toLowerCase(Locale.ROOT), List.copyOf(values)));
        context = Map.copyOf(lower);
    }

    public static PolicyRequest of(String action, String resource) {
        return new PolicyRequest(action, resource, Optional.empty(), Map.of());
    }

    public PolicyRequest by(String principal) {
        return new PolicyRequest(action, resource, Optional.of(principal), context);
    }

    public PolicyRequest with(String key, String value) {
        var more = new LinkedHashMap<>(context);
        more.put(key.toLowerCase(Locale.ROOT), List.of(value));
        return new PolicyRequest(action, resource, principalArn, more);
    }

    Optional<List<String>> value(String key) {
        return Optional.ofNullable(context.get(key.toLowerCase(Locale.ROOT)));
    }
}
