package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.pulumi.aws.ec2.Route;
import com.pulumi.aws.ec2.RouteArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachment;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepter;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepterArgs;
import com.pulumi.aws.ec2transitgateway.PeeringAttachmentArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.aws.route53.ZoneAssociation;
import com.pulumi.aws.route53.ZoneAssociationArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Everything that joins one spoke region to the hub, on both sides, owned by the spoke stack: the Transit Gateway
 * peering and its acceptance, each side's association and static route, the VPC routes both ways, the hub endpoint
 * group's 443 rule for the spoke block, and the hub's service zones associated with the spoke VPC. The hub side is
 * created through the hub-region provider, so adding or removing a spoke never touches the hub stack. Nothing
 * routes through the peering before it is accepted.
 */
public final class SpokeLink extends ComponentResource {
    private final PeeringAttachment peering;

    public SpokeLink(String name, SpokeLinkArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", SpokeLink.class), name, options);
        var spoke = args.spoke();
        var hub = args.hub();
        var spokeSide = CustomResourceOptions.builder().parent(this).build();
        var hubProvider = args.scope().providers().inRegion(hub.region());
        var hubSide = CustomResourceOptions.builder().parent(this).provider(hubProvider).build();

        this.peering = new PeeringAttachment(name, PeeringAttachmentArgs.builder()
                .transitGatewayId(spoke.transitGatewayId())
                .peerTransitGatewayId(hub.transitGatewayId())
                .peerRegion(hub.region())
                .peerAccountId(hub.accountId())
                .tags(Map.of("Name", name))
                .build(), spokeSide);
        var accepter = new PeeringAttachmentAccepter(name + "-accepter", PeeringAttachmentAccepterArgs.builder()
                .transitGatewayAttachmentId(peering.id())
                .tags(Map.of("Name", name))
                .build(), hubSide);
        var afterAcceptance = CustomResourceOptions.builder().parent(this).dependsOn(accepter).build();
        var hubAfterAcceptance = CustomResourceOptions.builder().parent(this).provider(hubProvider)
                .dependsOn(accepter).build();

        // Transit Gateway side: peerings carry static routes only.
        associate(name + "-spoke", peering.id(), spoke.transitGatewayRouteTableId(), afterAcceptance);
        associate(name + "-hub", accepter.transitGatewayAttachmentId(), Output.of(hub.transitGatewayRouteTableId()),
                hubAfterAcceptance);
        staticRoute(name + "-spoke-to-hub", hub.cidr(), peering.id(), spoke.transitGatewayRouteTableId(),
                afterAcceptance);
        staticRoute(name + "-hub-to-spoke", spoke.cidr(), accepter.transitGatewayAttachmentId(),
                Output.of(hub.transitGatewayRouteTableId()), hubAfterAcceptance);

        // VPC side: the spoke's subnets reach the hub block through their gateway, and the hub's answer back.
        var spokeRoutesAfter = new ArrayList<Resource>(List.of(accepter, spoke.vpcAttachment()));
        for (int i = 0; i < spoke.routeTableIds().size(); i++) {
            new Route(name + "-spoke-vpc-" + i, RouteArgs.builder()
                    .routeTableId(spoke.routeTableIds().get(i))
                    .destinationCidrBlock(hub.cidr())
                    .transitGatewayId(spoke.transitGatewayId())
                    .build(), CustomResourceOptions.builder().parent(this).dependsOn(spokeRoutesAfter).build());
        }
        for (int i = 0; i < hub.routeTableIds().size(); i++) {
            new Route(name + "-hub-vpc-" + i, RouteArgs.builder()
                    .routeTableId(hub.routeTableIds().get(i))
                    .destinationCidrBlock(spoke.cidr())
                    .transitGatewayId(hub.transitGatewayId())
                    .build(), hubAfterAcceptance);
        }

        // The hub's endpoints admit the spoke block: security-group references do not cross a peering.
        new SecurityGroupIngressRule(name + "-https-from-spoke", SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(hub.endpointSecurityGroupId())
                .description("HTTPS from spoke " + args.scope().region() + " " + spoke.cidr())
                .ipProtocol("tcp")
                .fromPort(EndpointSecurityGroup.HTTPS)
                .toPort(EndpointSecurityGroup.HTTPS)
                .cidrIpv4(spoke.cidr())
                .build(), hubSide);

        // The regional service names resolve to the hub's endpoints inside the spoke VPC too.
        hub.zoneIds().forEach((service, zoneId) -> new ZoneAssociation(name + "-" + service + "-zone",
                ZoneAssociationArgs.builder()
                        .zoneId(zoneId)
                        .vpcId(spoke.vpcId())
                        .vpcRegion(args.scope().region())
                        .build(), hubSide));
        registerOutputs(Map.of("peeringAttachmentId", peering.id()));
    }

    private static void associate(String name, Output<String> attachmentId, Output<String> routeTableId,
                                  CustomResourceOptions options) {
        new RouteTableAssociation(name, RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(attachmentId)
                .transitGatewayRouteTableId(routeTableId)
                .build(), options);
    }

    private static void staticRoute(String name, String destination, Output<String> attachmentId,
                                    Output<String> routeTableId, CustomResourceOptions options) {
        new com.pulumi.aws.ec2transitgateway.Route(name, com.pulumi.aws.ec2transitgateway.RouteArgs.builder()
                .destinationCidrBlock(destination)
                .transitGatewayAttachmentId(attachmentId)
                .transitGatewayRouteTableId(routeTableId)
                .build(), options);
    }

    public Output<String> peeringAttachmentId() {
        return peering.id();
    }
}
