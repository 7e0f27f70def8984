package com.example.bedrockstream.stacks;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What every stack must satisfy, whatever its role: nothing public, nothing open to the world. */
final class PerimeterAssertions {
    static final Set<String> PUBLIC_TYPES = Set.of(
            "aws:ec2/internetGateway:InternetGateway", "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
            "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:ec2/eipAssociation:EipAssociation",
            "aws:lambda/functionUrl:FunctionUrl", "aws:apigateway/restApi:RestApi", "aws:apigatewayv2/api:Api",
            "aws:lb/loadBalancer:LoadBalancer");

    private PerimeterAssertions() {
    }

    static void assertPrivate(OfflineRun run) {
        assertTrue(run.succeeded(), run.errorText());
        assertFalse(run.awsResources().isEmpty());
        for (MockResource r : run.awsResources()) {
            assertFalse(PUBLIC_TYPES.contains(r.type()), r.type() + " " + r.name() + " is public");
            assertFalse(r.inputs().toString().contains("0.0.0.0/0"), r.name() + " mentions 0.0.0.0/0");
            assertFalse(r.inputs().toString().contains("::/0"), r.name() + " mentions ::/0");
        }
        for (MockResource subnet : run.ofType("aws:ec2/subnet:Subnet")) {
            assertEquals(false, subnet.input("mapPublicIpOnLaunch").orElseThrow(), subnet.name());
        }
        for (MockResource route : run.ofType("aws:ec2/route:Route")) {
            assertFalse(route.input("gatewayId").isPresent(), route.name() + " routes to a gateway");
            assertFalse(route.input("natGatewayId").isPresent(), route.name() + " routes to a NAT gateway");
        }
        assertEquals(List.of(), run.ofType("aws:ec2/routeTable:RouteTable").stream()
                .filter(t -> !t.list("routes").isEmpty()).map(MockResource::name).toList(), "inline routes");
    }

    /** Ids of the stack's private subnets in the order of its configured zones (registration order varies). */
    static List<String> subnetIds(OfflineRun run, String vpcName, List<String> zones) {
        return zones.stream().map(z -> idOf(run, "aws:ec2/subnet:Subnet", vpcName + "-private-" + z)).toList();
    }

    /** The id the mock cloud gave a resource (the value other resources receive as its id). */
    static String id(OfflineRun run, MockResource resource) {
        return stateOf(run, resource, "id");
    }

    static String idOf(OfflineRun run, String type, String name) {
        return id(run, run.named(type, name));
    }

    static String stateOf(OfflineRun run, MockResource resource, String attribute) {
        return String.valueOf(resource.state().get(attribute));
    }
}
