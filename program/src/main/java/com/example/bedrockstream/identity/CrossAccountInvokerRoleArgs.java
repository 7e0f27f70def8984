package com.example.bedrockstream.identity;

import com.pulumi.core.Output;

import java.util.List;

/**
 * @param externalId     a Pulumi secret; the trust policy that embeds it stays secret in state
 * @param stsEndpointIds when not empty, assuming the role is only allowed through these STS endpoints
 */
public record CrossAccountInvokerRoleArgs(
        String roleName,
        String appAccountId,
        String principalPrefix,
        Output<String> externalId,
        List<String> stsEndpointIds,
        int maxSessionSeconds,
        Output<String> mlFunctionArn) {
}
