package com.example.bedrockstream.policy;

import java.util.List;

/** Who a statement applies to. There is deliberately no way to say "*". */
public record Principal(String kind, List<String> values) {

    public Principal {
        if (values.isEmpty() || values.stream().anyMatch(v -> v.isBlank() || v.equals("*"))) {
            throw new IllegalArgumentException("a principal names explicit " + kind + " values, never '*': " + values);
        }
        values = List.copyOf(values);
    }

    public static Principal aws(String... arns) {
        return new Principal("AWS", List.of(arns));
    }

    public static Principal aws(List<String> arns) {
        return new Principal("AWS", arns);
    }

    public static Principal service(String servicePrincipal) {
        return new Principal("Service", List.of(servicePrincipal));
    }
}
