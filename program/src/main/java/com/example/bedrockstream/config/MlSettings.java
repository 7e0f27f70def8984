package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.FunctionLimits;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.domain.SecretString;

import java.util.List;

/**
 * The ML account stack: who may assume the invoker role, which models the function may call, and its limits.
 *
 * @param invokerPrincipalPrefix application-account role names that may assume the invoker role start with this
 * @param canaryModel            one of the allowed models: the one canaries and samples call
 * @param allowedStsEndpointIds  when not empty, the invoker role may only be assumed through these STS endpoints
 */
public record MlSettings(
        String appAccountId,
        String invokerPrincipalPrefix,
        SecretString externalId,
        List<ModelId> allowedModels,
        ModelId canaryModel,
        int invokerSessionSeconds,
        List<String> allowedStsEndpointIds,
        FunctionLimits function) implements RoleSettings {
}
