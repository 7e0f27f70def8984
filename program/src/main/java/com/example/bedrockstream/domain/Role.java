package com.example.bedrockstream.domain;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The roles a stack can play, each selected by its {@code role} config value. Only the name: what a role reads
 * (config's {@code Upstream}) and what it composes (the program's table) are said where they are used.
 */
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

    public static Optional<Role> fromConfig(String value) {
        return Arrays.stream(values()).filter(r -> r.configValue.equals(value)).findFirst();
    }

    public static String choices() {
        return Arrays.stream(values()).map(r -> "'" + r.configValue + "'").collect(Collectors.joining(", "));
    }
}
