package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.Role;

import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * One key of the project's config, declared once (the twin of the contract's {@code StackOutput}): its name, the roles
 * that read it, its type, the default the engine passes when a stack file does not set it, whether it is a secret,
 * what it means, and its own check. Checks that need another key or another stack stay in {@link StackConfigParser}.
 * Pulumi.yaml's {@code config:} block and the README's table are held to these declarations by ConfigCatalogueTest.
 *
 * @param <T> what the key's value is once checked
 */
public final class ConfigKey<T> implements ConfigReader.Slot<T> {
    /** How Pulumi.yaml types the key, and how the README names that type. */
    public enum Type {
        STRING("string", "string"), INTEGER("integer", "integer"), BOOLEAN("boolean", "boolean"),
        STRING_LIST("array", "list of string");

        private final String yaml;
        private final String readme;

        Type(String yaml, String readme) {
            this.yaml = yaml;
            this.readme = readme;
        }

        public String yaml() {
            return yaml;
        }

        public String readme() {
            return readme;
        }
    }

    /** Reads and checks the key's raw value; records a problem in {@code in} for every bad one. */
    @FunctionalInterface
    interface Check<T> {
        Optional<T> read(ConfigReader in, String key);
    }

    private final String name;
    private final Set<Role> roles;
    private final Type type;
    private final Optional<String> defaultValue;
    private final boolean secret;
    private final String description;
    private final String summary;
    private final Check<T> check;

    private ConfigKey(String name, Set<Role> roles, Type type, Optional<String> defaultValue, boolean secret,
                      String description, String summary, Check<T> check) {
        this.name = name;
        this.roles = Set.copyOf(roles);
        this.type = type;
        this.defaultValue = defaultValue;
        this.secret = secret;
        this.description = description;
        this.summary = summary;
        this.check = check;
    }

    /** A key every stack of {@code roles} must set: no default. */
    static <T> ConfigKey<T> required(String name, Set<Role> roles, Type type, String description, String summary,
                                     Check<T> check) {
        return new ConfigKey<>(name, roles, type, Optional.empty(), false, description, summary, check);
    }

    /** @param defaultValue as the engine passes it: scalars as text, lists as JSON */
    static <T> ConfigKey<T> withDefault(String name, Set<Role> roles, Type type, String defaultValue,
                                        String description, String summary, Check<T> check) {
        return new ConfigKey<>(name, roles, type, Optional.of(defaultValue), false, description, summary, check);
    }

    /** A string that must be stored encrypted; its default is empty, so only the stacks that need it set it. */
    static <T> ConfigKey<T> secret(String name, Set<Role> roles, String description, String summary, Check<T> check) {
        return new ConfigKey<>(name, roles, Type.STRING, Optional.of(""), true, description, summary, check);
    }

    public String name() {
        return name;
    }

    /** The roles whose stacks read this key. */
    public Set<Role> roles() {
        return roles;
    }

    public Type type() {
        return type;
    }

    /** Empty: every stack of the key's roles must set it. */
    public Optional<String> defaultValue() {
        return defaultValue;
    }

    public boolean secret() {
        return secret;
    }

    /** What {@code pulumi config} shows, after the roles in brackets (Pulumi.yaml). */
    public String description() {
        return description;
    }

    /** The README table's shorter "meaning". */
    public String summary() {
        return summary;
    }

    Optional<T> check(ConfigReader in) {
        return check.read(in, name);
    }

    /** "all", or the roles' config values in declaration order ("app-hub, app-spoke"). */
    public String rolesText() {
        if (roles.containsAll(EnumSet.allOf(Role.class))) {
            return "all";
        }
        return EnumSet.copyOf(roles).stream().map(Role::configValue).collect(Collectors.joining(", "));
    }

    @Override
    public String toString() {
        return name;
    }
}
