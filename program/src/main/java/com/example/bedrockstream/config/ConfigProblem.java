package com.example.bedrockstream.config;

/**
 * One bad configuration value: the full key, what it held, and what was expected instead.
 * {@code shownValue} is already redacted for secrets.
 */
public record ConfigProblem(String key, String shownValue, String expected) {

    static final String MISSING = "(not set)";
    static final String REDACTED = "(secret, not shown)";

    public String render() {
        return key + " = " + shownValue + ": expected " + expected;
    }
}
