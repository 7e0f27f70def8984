package com.example.bedrockstream;

import com.pulumi.deployment.internal.DeploymentInternal;
import com.pulumi.exceptions.RunException;

import java.util.Map;
import java.util.Set;

/**
 * Every config key the engine passed to this run. The SDK's public Config API only answers for a key the program
 * already knows, so a misspelled key would go unseen; the full set lives in DeploymentImpl.Config, whose accessor is
 * private in pulumi-java 1.36.1. It is read here, in one place, by reflection.
 */
final class EngineConfigKeys {
    private EngineConfigKeys() {
    }

    static Set<String> all() {
        Object config = DeploymentInternal.getInstance().getConfig();
        try {
            var getAllConfig = config.getClass().getDeclaredMethod("getAllConfig");
            getAllConfig.setAccessible(true);
            return Set.copyOf(((Map<?, ?>) getAllConfig.invoke(config)).keySet().stream().map(String::valueOf).toList());
        } catch (ReflectiveOperationException | RuntimeException sdkChanged) {
            throw new RunException("Cannot list this stack's config keys to check them: the Pulumi Java SDK's "
                    + config.getClass().getName() + " no longer has a getAllConfig() returning a map (written against"
                    + " pulumi-java 1.36.1; " + sdkChanged + "). Update EngineConfigKeys for the SDK in pom.xml.");
        }
    }
}
