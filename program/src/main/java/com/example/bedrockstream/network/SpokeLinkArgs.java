package com.example.bedrockstream.network;

import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;

/**
 * What a spoke link joins: the spoke's network, in the scope's region, and the hub's network (as the hub stack
 * exported it), created through the scope's provider in the hub region.
 */
public record SpokeLinkArgs(StackScope scope, SpokeSide spoke, HubSide hub) {

    /**
     * @param vpcAttachment the spoke VPC's Transit Gateway attachment, which its VPC routes need first
     */
    public record SpokeSide(
            String cidr,
            Output<String> vpcId,
            List<Output<String>> routeTableIds,
            Output<String> transitGatewayId,
            Output<String> transitGatewayRouteTableId,
            Resource vpcAttachment) {
    }

    /**
     * @param endpointSecurityGroupId the hub endpoints' group, which admits the spoke's block on 443
     * @param zoneIds                 the private hosted zones of the regional service names, by service
     */
    public record HubSide(
            String region,
            String accountId,
            String cidr,
            List<String> routeTableIds,
            String transitGatewayId,
            String transitGatewayRouteTableId,
            String endpointSecurityGroupId,
            Map<String, String> zoneIds) {
    }
}
