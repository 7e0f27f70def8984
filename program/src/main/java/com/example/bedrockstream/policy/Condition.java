package com.example.bedrockstream.policy;

import java.util.List;

/** One IAM condition: {@code operator} (StringEquals, ArnLike, ...) on {@code key} against {@code values}. */
public record Condition(String operator, String key, List<String> values) {
    public Condition {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("condition " + operator + " " + key + " needs a value");
        }
        values = List.copyOf(values);
    }
}
