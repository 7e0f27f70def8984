package com.example.bedrockstream.domain;

/**
 * One bad configuration value: the full key, what it held, and what was expected instead.
 * {@code shownValue} is already redacted for secrets.
 */
public record ConfigProblem(String key, String shownValue, String expected) {

    public static final String MISSING = "(not set)";
    public static final String REDACTED = "(secret, not shown)";

    public String render() {
        return key + " = " + shownValue + ": expected " + expected;
    }
}
