package com.example.bedrockstream.offline.standin;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * How one stand-in provider process runs.
 *
 * @param version    the plugin version it answers as (the engine loads aws 6.83.0 and 7.12.0)
 * @param cloudDir   where the cloud it shares with every other provider process is stored
 * @param account    the account of the credentials it runs with, as real credentials would give it; empty when
 *                   there are none
 * @param acceptance how long a peer takes to accept a Transit Gateway peering attachment
 */
record StandInSettings(String version, Path cloudDir, Optional<String> account, Duration acceptance) {
    static final String CLOUD_DIR = "E2E_CLOUD_DIR";
    static final String ACCOUNT = "E2E_AWS_ACCOUNT";
    static final String ACCEPT_SECONDS = "E2E_ACCEPT_SECONDS";

    /** The settings the scenario gives through the environment, set per `pulumi` command like real credentials. */
    static StandInSettings fromEnvironment(String version, Map<String, String> environment) {
        String cloudDir = environment.get(CLOUD_DIR);
        if (cloudDir == null || cloudDir.isBlank()) {
            throw new IllegalArgumentException(CLOUD_DIR + " is not set: the stand-in cloud needs a directory");
        }
        double acceptSeconds = Double.parseDouble(environment.getOrDefault(ACCEPT_SECONDS, "2"));
        return new StandInSettings(version, Path.of(cloudDir),
                Optional.ofNullable(environment.get(ACCOUNT)).filter(account -> !account.isBlank()),
                Duration.ofMillis(Math.round(acceptSeconds * 1000)));
    }
}
