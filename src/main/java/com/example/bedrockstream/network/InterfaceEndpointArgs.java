package com.example.bedrockstream.network;

import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.core.Output;

import java.util.List;

/**
 * @param serviceName        e.g. com.amazonaws.us-east-1.sts
 * @param privateDns         whether AWS's own private zone for the service name is used (off where our own
 *                           private hosted zone, shareable with other VPCs, answers instead)
 * @param allowedCidrs       sources admitted on TCP 443; security-group sources are added with
 *                           {@link InterfaceEndpoint#admit(String, Output)}
 * @param policy             the endpoint policy; a {@link PolicyDocument} can never be the allow-all "*"
 */
public record InterfaceEndpointArgs(
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        String serviceName,
        boolean privateDns,
        List<String> allowedCidrs,
        Output<PolicyDocument> policy) {
}
