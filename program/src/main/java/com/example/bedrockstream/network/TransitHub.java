package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.pulumi.aws.ec2transitgateway.RouteTable;
import com.pulumi.aws.ec2transitgateway.RouteTableArgs;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociation;
import com.pulumi.aws.ec2transitgateway.RouteTableAssociationArgs;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagation;
import com.pulumi.aws.ec2transitgateway.RouteTablePropagationArgs;
import com.pulumi.aws.ec2transitgateway.TransitGateway;
import com.pulumi.aws.ec2transitgateway.TransitGatewayArgs;
import com.pulumi.aws.ec2transitgateway.VpcAttachment;
import com.pulumi.aws.ec2transitgateway.VpcAttachmentArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * An application region's Transit Gateway with its VPC attached. Nothing is associated or propagated by default:
 * the VPC attachment is associated with an explicit route table and propagates its block there, and each
 * {@link SpokeLink} adds the peering's association and static routes.
 */
public final class TransitHub extends ComponentResource {
    private final TransitGateway gateway;
    private final RouteTable routeTable;
    private final VpcAttachment attachment;

    public TransitHub(String name, TransitHubArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", TransitHub.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.gateway = new TransitGateway(name, TransitGatewayArgs.builder()
                .description(args.purpose())
                .amazonSideAsn(args.amazonSideAsn())
                .dnsSupport("enable")
                .defaultRouteTableAssociation("disable")
                .defaultRouteTablePropagation("disable")
                .autoAcceptSharedAttachments("disable")
                .tags(Map.of("Name", name))
                .build(), child);
        this.routeTable = new RouteTable(name, RouteTableArgs.builder()
                .transitGatewayId(gateway.id())
                .tags(Map.of("Name", name))
                .build(), child);
        this.attachment = new VpcAttachment(name + "-vpc", VpcAttachmentArgs.builder()
                .transitGatewayId(gateway.id())
                .vpcId(args.vpcId())
                .subnetIds(args.subnetIds())
                .dnsSupport("enable")
                .transitGatewayDefaultRouteTableAssociation(false)
                .transitGatewayDefaultRouteTablePropagation(false)
                .tags(Map.of("Name", name + "-vpc"))
                .build(), child);
        new RouteTableAssociation(name + "-vpc", RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .transitGatewayRouteTableId(routeTable.id())
                .build(), child);
        // Traffic arriving over a peering finds its way back to this VPC through the propagated route.
        new RouteTablePropagation(name + "-vpc", RouteTablePropagationArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .transitGatewayRouteTableId(routeTable.id())
                .build(), child);
        registerOutputs(Map.of("transitGatewayId", gateway.id(), "routeTableId", routeTable.id()));
    }

    public Output<String> transitGatewayId() {
        return gateway.id();
    }

    public VpcAttachment vpcAttachment() {
        return attachment;
    }

    public Output<String> routeTableId() {
        return routeTable.id();
    }
}
