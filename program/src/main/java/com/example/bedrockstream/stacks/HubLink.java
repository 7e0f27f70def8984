package com.example.bedrockstream.stacks;

import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.network.SpokeLink;
import com.example.bedrockstream.network.SpokeLinkArgs;
import com.example.bedrockstream.network.TransitHub;

import java.util.List;
import java.util.Map;

/** A spoke's link to the hub, the hub side as the hub stack exported it. */
final class HubLink {
    private HubLink() {
    }

    static SpokeLink create(Foundation foundation, TransitHub transit, UpstreamStack hub) {
        var scope = foundation.scope();
        var vpc = foundation.vpc();
        return new SpokeLink(scope.stack() + "-link", new SpokeLinkArgs(scope,
                new SpokeLinkArgs.SpokeSide(vpc.cidr(), vpc.vpcId(), List.of(vpc.routeTableId()),
                        transit.transitGatewayId(), transit.routeTableId(), transit.vpcAttachment()),
                new SpokeLinkArgs.HubSide(hub.get(HubOutputs.REGION), hub.get(HubOutputs.ACCOUNT_ID),
                        hub.get(HubOutputs.VPC_CIDR), hub.get(HubOutputs.ROUTE_TABLE_IDS),
                        hub.get(HubOutputs.TRANSIT_GATEWAY_ID), hub.get(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID),
                        hub.get(HubOutputs.ENDPOINT_SECURITY_GROUP_ID),
                        Map.of("sts", hub.get(HubOutputs.STS_ZONE_ID), "lambda", hub.get(HubOutputs.LAMBDA_ZONE_ID)))),
                null);
    }
}
