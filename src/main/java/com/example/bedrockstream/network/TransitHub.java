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
 * The application account's Transit Gateway in the hub region. Nothing is associated or propagated by default:
 * the hub VPC attachment is associated with an explicit route table, and each spoke adds its own peering routes.
 */
public final class TransitHub extends ComponentResource {
    private final TransitGateway gateway;
    private final RouteTable routeTable;

    public TransitHub(String name, TransitHubArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", TransitHub.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.gateway = new TransitGateway(name, TransitGatewayArgs.builder()
                .description("Application hub: carries spoke traffic to the hub's endpoints")
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
        var attachment = new VpcAttachment(name + "-hub-vpc", VpcAttachmentArgs.builder()
                .transitGatewayId(gateway.id())
                .vpcId(args.vpcId())
                .subnetIds(args.subnetIds())
                .dnsSupport("enable")
                .transitGatewayDefaultRouteTableAssociation(false)
                .transitGatewayDefaultRouteTablePropagation(false)
                .tags(Map.of("Name", name + "-hub-vpc"))
                .build(), child);
        new RouteTableAssociation(name + "-hub-vpc", RouteTableAssociationArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .transitGatewayRouteTableId(routeTable.id())
                .build(), child);
        // Spoke traffic arriving over peering finds its way back to the hub VPC through this propagated route.
        new RouteTablePropagation(name + "-hub-vpc", RouteTablePropagationArgs.builder()
                .transitGatewayAttachmentId(attachment.id())
                .transitGatewayRouteTableId(routeTable.id())
                .build(), child);
        registerOutputs(Map.of("transitGatewayId", gateway.id(), "routeTableId", routeTable.id()));
    }

    public Output<String> transitGatewayId() {
        return gateway.id();
    }

    public Output<String> routeTableId() {
        return routeTable.id();
    }
}
