package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Optional;

/**
 * Whether packets from a subnet reach an address block, forwarded as AWS forwards them: within one VPC by the local
 * route; otherwise the subnet's route table to a Transit Gateway, the gateway route table the VPC attachment is
 * associated with, across an accepted peering to the table the peer gateway associates with it, until a VPC
 * attachment of the destination VPC. At every table the longest matching prefix wins.
 */
final class Routing {
    /** More gateways than any sane path crosses: a longer walk is a routing loop. */
    private static final int MAX_GATEWAYS = 8;

    private Routing() {
    }

    /** Every client subnet reaches every endpoint subnet, and every endpoint subnet reaches back. */
    static void bothWays(Deployment deployment, Client client, MockResource endpoint) {
        String endpointVpc = Deployment.text(endpoint, "vpcId").orElseThrow();
        for (String from : client.subnetIds()) {
            String clientVpc = deployment.vpcOf(from);
            for (String to : Deployment.texts(endpoint, "subnetIds")) {
                String there = deployment.blockOf(to);
                String back = deployment.blockOf(from);
                within("to " + endpoint.name() + " " + there, () -> reach(deployment, from, endpointVpc, there));
                within("back from " + endpoint.name() + " to " + back, () -> reach(deployment, to, clientVpc, back));
            }
        }
    }

    private static void within(String direction, Runnable walk) {
        try {
            walk.run();
        } catch (PathGap gap) {
            throw new PathGap(direction + ": " + gap.getMessage());
        }
    }

    static void reach(Deployment deployment, String fromSubnet, String toVpc, String toBlock) {
        String fromVpc = deployment.vpcOf(fromSubnet);
        if (fromVpc.equals(toVpc)) {
            return;
        }
        // The local route outranks every other: a block inside the source VPC's own never leaves it.
        deployment.byId(AwsTypes.VPC, fromVpc).flatMap(v -> Deployment.text(v, "cidrBlock"))
                .filter(own -> Blocks.contains(own, toBlock) || Blocks.contains(toBlock, own))
                .ifPresent(own -> {
                    throw new PathGap(toBlock + " overlaps " + fromVpc + "'s own block " + own
                            + ", which the local route keeps inside it");
                });
        String routeTable = deployment.where(AwsTypes.ROUTE_TABLE_ASSOCIATION, "subnetId", fromSubnet).stream()
                .flatMap(a -> Deployment.text(a, "routeTableId").stream()).findFirst()
                .orElseThrow(() -> new PathGap("subnet " + fromSubnet + " has no route table association"));
        MockResource route = deployment.where(AwsTypes.ROUTE, "routeTableId", routeTable).stream()
                .filter(r -> Deployment.text(r, "destinationCidrBlock").filter(b -> Blocks.contains(b, toBlock)).isPresent())
                .max(Comparator.comparingInt(r -> Blocks.prefix(Deployment.text(r, "destinationCidrBlock").orElseThrow())))
                .orElseThrow(() -> new PathGap("VPC route table " + routeTable + " has no route to " + toBlock));
        String firstGateway = Deployment.text(route, "transitGatewayId").orElseThrow(() ->
                new PathGap("VPC route " + route.name() + " to " + toBlock + " leads to no transit gateway"));
        String firstAttachment = deployment.all(AwsTypes.TGW_VPC_ATTACHMENT).stream()
                .filter(a -> Deployment.text(a, "transitGatewayId").filter(firstGateway::equals).isPresent()
                        && Deployment.text(a, "vpcId").filter(fromVpc::equals).isPresent())
                .map(Deployment::id).findFirst()
                .orElseThrow(() -> new PathGap("VPC " + fromVpc + " is not attached to " + firstGateway));
        String gateway = firstGateway;
        String attachment = firstAttachment;
        for (int crossed = 0; crossed < MAX_GATEWAYS; crossed++) {
            String table = associatedTable(deployment, attachment, gateway);
            String next = nextAttachment(deployment, table, toBlock);
            var vpcAttachment = deployment.byId(AwsTypes.TGW_VPC_ATTACHMENT, next);
            if (vpcAttachment.isPresent()) {
                String vpc = Deployment.text(vpcAttachment.get(), "vpcId").orElseThrow();
                if (!vpc.equals(toVpc)) {
                    throw new PathGap("gateway route table " + table + " sends " + toBlock + " to VPC " + vpc
                            + ", not " + toVpc);
                }
                return;
            }
            MockResource peering = deployment.byId(AwsTypes.TGW_PEERING, next).orElseThrow(() ->
                    new PathGap("gateway route table " + table + " sends " + toBlock + " to unknown attachment " + next));
            if (deployment.where(AwsTypes.TGW_PEERING_ACCEPTER, "transitGatewayAttachmentId", next).isEmpty()) {
                throw new PathGap("peering " + next + " is never accepted");
            }
            String requester = Deployment.text(peering, "transitGatewayId").orElseThrow();
            String peer = Deployment.text(peering, "peerTransitGatewayId").orElseThrow();
            gateway = gateway.equals(requester) ? peer : requester;
            attachment = next;
        }
        throw new PathGap("the path to " + toBlock + " crosses more than " + MAX_GATEWAYS + " gateways");
    }

    /** The route table of {@code gateway} that traffic arriving on {@code attachment} is looked up in. */
    private static String associatedTable(Deployment deployment, String attachment, String gateway) {
        return deployment.where(AwsTypes.TGW_ASSOCIATION, "transitGatewayAttachmentId", attachment).stream()
                .flatMap(a -> Deployment.text(a, "transitGatewayRouteTableId").stream())
                .filter(table -> deployment.byId(AwsTypes.TGW_ROUTE_TABLE, table)
                        .flatMap(t -> Deployment.text(t, "transitGatewayId")).filter(gateway::equals).isPresent())
                .findFirst()
                .orElseThrow(() -> new PathGap("attachment " + attachment + " is associated with no route table of "
                        + gateway));
    }

    /** A gateway route: a static one, or a VPC block an attachment propagates. */
    private record GatewayRoute(String block, Optional<String> attachment, boolean isStatic) {
    }

    /** Where a gateway route table sends {@code toBlock}; a static route beats a propagated one of equal prefix. */
    private static String nextAttachment(Deployment deployment, String table, String toBlock) {
        var routes = new ArrayList<GatewayRoute>();
        for (MockResource route : deployment.where(AwsTypes.TGW_ROUTE, "transitGatewayRouteTableId", table)) {
            boolean blackhole = Deployment.value(route, "blackhole").filter(Boolean.TRUE::equals).isPresent();
            routes.add(new GatewayRoute(Deployment.text(route, "destinationCidrBlock").orElse(""),
                    blackhole ? Optional.empty() : Deployment.text(route, "transitGatewayAttachmentId"), true));
        }
        for (MockResource propagation : deployment.where(AwsTypes.TGW_PROPAGATION, "transitGatewayRouteTableId", table)) {
            String attachment = Deployment.text(propagation, "transitGatewayAttachmentId").orElse("");
            deployment.byId(AwsTypes.TGW_VPC_ATTACHMENT, attachment)
                    .flatMap(a -> Deployment.text(a, "vpcId"))
                    .flatMap(vpc -> deployment.byId(AwsTypes.VPC, vpc))
                    .flatMap(vpc -> Deployment.text(vpc, "cidrBlock"))
                    .ifPresent(block -> routes.add(new GatewayRoute(block, Optional.of(attachment), false)));
        }
        GatewayRoute best = routes.stream()
                .filter(r -> Blocks.contains(r.block(), toBlock))
                .max(Comparator.<GatewayRoute>comparingInt(r -> Blocks.prefix(r.block()))
                        .thenComparing(GatewayRoute::isStatic))
                .orElseThrow(() -> new PathGap("gateway route table " + table + " has no route to " + toBlock));
        return best.attachment().orElseThrow(() ->
                new PathGap("gateway route table " + table + " blackholes " + toBlock));
    }
}
