package com.example.bedrockstream.domain;

import com.pulumi.core.Output;

/** A config value that must never be printed: toString is redacted, and it leaves only as a Pulumi secret. */
public final class SecretString {
    private final String value;

    public SecretString(String value) {
        this.value = value;
    }

    public Output<String> output() {
        return Output.ofSecret(value);
    }

    @Override
    public String toString() {
        return ConfigProblem.REDACTED;
    }
}
