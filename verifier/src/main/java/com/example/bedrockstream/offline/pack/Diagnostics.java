package com.example.bedrockstream.offline.pack;

import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;

import java.util.Optional;

/**
 * Findings as the engine shows them: under the policy's id, its one-line message and then what is wrong, at the
 * level the config gives the policy (a lowered one says why), secrets masked. A disabled policy reports nothing:
 * the engine accepts only mandatory and advisory diagnostics.
 */
record Diagnostics(PackConfig config, SecretTexts secrets) {

    /** @param urn the resource at fault; empty for the stack itself */
    Optional<AnalyzeDiagnostic> of(String policy, String description, String problem, String urn) {
        EnforcementLevel level = config.level(policy);
        if (level == EnforcementLevel.DISABLED) {
            return Optional.empty();
        }
        String message = description + "\n" + problem + config.reason(policy)
                .map(reason -> "\n(" + PackPolicy.spelled(level) + " by the pack's config: " + reason + ")").orElse("");
        return Optional.of(AnalyzeDiagnostic.newBuilder().setPolicyName(policy).setPolicyPackName(PackPolicies.NAME)
                .setPolicyPackVersion(PackPolicies.version()).setDescription(description)
                .setMessage(secrets.mask(message)).setEnforcementLevel(level).setUrn(urn).build());
    }
}
