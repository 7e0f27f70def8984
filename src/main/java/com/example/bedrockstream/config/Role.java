package com.example.bedrockstream.config;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/** Which composition a stack runs; chosen by the stack's {@code role} config key. */
public enum Role {
    ML("ml"),
    APP_HUB("app-hub"),
    APP_SPOKE("app-spoke");

    private final String configValue;

    Role(String configValue) {
        this.configValue = configValue;
    }

    public String configValue() {
        return configValue;
    }

    static Optional<Role> fromConfig(String value) {
        return Arrays.stream(values()).filter(r -> r.configValue.equals(value)).findFirst();
    }

    static String choices() {
        return Arrays.stream(values()).map(r -> "'" + r.configValue + "'").collect(Collectors.joining(", "));
    }
}
