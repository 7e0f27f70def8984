package com.example.bedrockstream.network;

import com.example.bedrockstream.policy.PolicyDocument;
import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;

import java.util.List;

/**
 * @param service       the service, in the scope's region; the table says whether AWS's private DNS answers its name
 * @param securityGroup who may reach the endpoint
 * @param policy        the endpoint policy; a {@link PolicyDocument} can never be the allow-all "*"
 */
public record InterfaceEndpointArgs(
        StackScope scope,
        EndpointService service,
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        EndpointSecurityGroup securityGroup,
        Output<PolicyDocument> policy) {
}
