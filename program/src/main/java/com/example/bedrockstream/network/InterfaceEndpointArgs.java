package com.example.bedrockstream.network;

import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.core.Output;

import java.util.List;

/**
 * @param serviceName   e.g. com.amazonaws.us-east-1.sts
 * @param privateDns    whether AWS's own private zone for the service name is used (off where our own private
 *                      hosted zone, which other VPCs can share, answers instead)
 * @param securityGroup who may reach the endpoint
 * @param policy        the endpoint policy; a {@link PolicyDocument} can never be the allow-all "*"
 */
public record InterfaceEndpointArgs(
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        String serviceName,
        boolean privateDns,
        EndpointSecurityGroup securityGroup,
        Output<PolicyDocument> policy) {
}
