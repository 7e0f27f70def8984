package com.example.bedrockstream.stacks;

import com.example.bedrockstream.network.EndpointSecurityGroup;
import com.example.bedrockstream.network.EndpointSecurityGroupArgs;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.network.InterfaceEndpoint;
import com.example.bedrockstream.network.InterfaceEndpointArgs;
import com.example.bedrockstream.network.PrivateServiceZone;
import com.example.bedrockstream.network.PrivateServiceZoneArgs;
import com.example.bedrockstream.policy.LambdaEndpointPolicy;
import com.example.bedrockstream.policy.StsEndpointPolicy;
import com.pulumi.core.Output;

import java.util.List;

/**
 * The hub's only doors out: its STS and Lambda endpoints, scoped to the invoker role and the ML function, behind one
 * group (spoke stacks add their own blocks to it), and the private zones that make the regional names resolve to
 * them in every VPC associated with the zones.
 */
record HubDoors(EndpointSecurityGroup group, InterfaceEndpoint sts, InterfaceEndpoint lambda,
                PrivateServiceZone stsZone, PrivateServiceZone lambdaZone) {

    static HubDoors create(Foundation foundation, InvokeTarget target) {
        var scope = foundation.scope();
        var vpc = foundation.vpc();
        String stack = scope.stack();
        var group = new EndpointSecurityGroup(stack + "-endpoints", new EndpointSecurityGroupArgs(vpc.vpcId(),
                "the hub STS and Lambda endpoints", List.of(vpc.cidr())), null);
        var sts = new InterfaceEndpoint(stack + "-sts", new InterfaceEndpointArgs(scope, EndpointService.STS,
                vpc.vpcId(), vpc.subnetIds(), group,
                Output.of(StsEndpointPolicy.of(scope.accountId(), target.invokerRoleArn()))), null);
        var lambda = new InterfaceEndpoint(stack + "-lambda", new InterfaceEndpointArgs(scope, EndpointService.LAMBDA,
                vpc.vpcId(), vpc.subnetIds(), group,
                Output.of(LambdaEndpointPolicy.of(target.invokerRoleArn(), target.functionArn()))), null);
        var stsZone = new PrivateServiceZone(stack + "-sts-zone", new PrivateServiceZoneArgs(sts, vpc.vpcId()), null);
        var lambdaZone = new PrivateServiceZone(stack + "-lambda-zone", new PrivateServiceZoneArgs(lambda,
                vpc.vpcId()), null);
        return new HubDoors(group, sts, lambda, stsZone, lambdaZone);
    }
}
