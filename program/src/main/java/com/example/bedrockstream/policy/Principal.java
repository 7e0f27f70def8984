package com.example.bedrockstream.policy;

import java.util.List;

/**
 * Who a statement applies to. Only a Deny may say "everyone" ({@link Statement.Builder#anyone()}); there is
 * deliberately no way to allow '*'.
 */
public record Principal(String kind, List<String> values) {

    static final String EVERYONE = "*";

    public Principal {
        boolean alone = values.size() == 1;
        if (values.isEmpty() || values.stream().anyMatch(v -> v.isBlank() || v.equals(EVERYONE) && !alone)) {
            throw new IllegalArgumentException("a principal names explicit " + kind + " values: " + values);
        }
        values = List.copyOf(values);
    }

    public static Principal aws(String... arns) {
        return aws(List.of(arns));
    }

    public static Principal aws(List<String> arns) {
        return explicit("AWS", arns);
    }

    public static Principal service(String servicePrincipal) {
        return explicit("Service", List.of(servicePrincipal));
    }

    boolean isEveryone() {
        return values.equals(List.of(EVERYONE));
    }

    private static Principal explicit(String kind, List<String> values) {
        if (values.contains(EVERYONE)) {
            throw new IllegalArgumentException("a principal names explicit " + kind + " values, never '*': " + values);
        }
        return new Principal(kind, values);
    }
}
