package com.example.bedrockstream.network;

import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.core.Output;

import java.util.List;

/**
 * @param service       the service, in {@code region}; the table says whether AWS's private DNS answers its name
 * @param securityGroup who may reach the endpoint
 * @param policy        the endpoint policy; a {@link PolicyDocument} can never be the allow-all "*"
 */
public record InterfaceEndpointArgs(
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        EndpointService service,
        String region,
        EndpointSecurityGroup securityGroup,
        Output<PolicyDocument> policy) {
}
