package com.example.bedrockstream.config;

import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.domain.Role;

import java.util.List;
import java.util.Optional;

/**
 * The earlier stack a role reads through a StackReference.
 *
 * @param key      the key holding its fully qualified name
 * @param contract every output this role needs from it
 */
public record Upstream(ConfigKey<String> key, List<StackOutput<?>> contract) {

    /** The stack {@code role} reads, if any: the parser and the preview's deploy order both ask here. */
    public static Optional<Upstream> of(Role role) {
        return switch (role) {
            case ML -> Optional.empty();
            case APP_HUB -> Optional.of(new Upstream(ConfigKeys.ML_STACK, MlOutputs.ALL));
            case APP_SPOKE -> Optional.of(new Upstream(ConfigKeys.HUB_STACK, HubOutputs.ALL));
        };
    }

    public String configKey() {
        return key.name();
    }
}
