package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** app-apse1 as committed, run after ml-use1 and app-use1 with their real exports as StackReferences. */
class AppSpokeStackTest {
    static final String HUB_PROVIDER = "app-apse1-aws-us-east-1";
    static final String HUB_CIDR = "10.20.0.0/22";
    static final String SPOKE_CIDR = "10.30.0.0/22";
    static final String PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    static final String ACCEPTER = "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    static final String TGW_ROUTE = "aws:ec2transitgateway/route:Route";
    static final String TGW_ASSOCIATION = "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation";
    static final String VPC_ROUTE = "aws:ec2/route:Route";
    static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    static final String ZONE_ASSOCIATION = "aws:route53/zoneAssociation:ZoneAssociation";

    static Stacks.Chain chain;
    static OfflineRun run;

    @BeforeAll
    static void deploy() {
        chain = Stacks.spoke();
        run = chain.spoke();
        assertTrue(run.succeeded(), run.errorText());
    }

    private static String hub(com.example.bedrockstream.contract.StackOutput<?> output) {
        return String.valueOf(chain.hub().outputs().get(output.name()));
    }

    private static String idOf(String type, String name) {
        return PerimeterAssertions.idOf(run, type, name);
    }

    private static String peeringId() {
        return idOf(PEERING, "app-apse1-link");
    }

    private static String spokeTable() {
        return idOf("aws:ec2transitgateway/routeTable:RouteTable", "app-apse1-tgw");
    }

    @Test
    void nothingIsReachableFromTheInternet() {
        PerimeterAssertions.assertPrivate(run);
    }

    @Test
    void spokeGatewayHasDefaultsOffItsOwnAsnAndItsVpcAssociatedAndPropagated() {
        var tgw = run.named("aws:ec2transitgateway/transitGateway:TransitGateway", "app-apse1-tgw");
        assertEquals(64513, ((Number) tgw.input("amazonSideAsn").orElseThrow()).intValue());
        assertEquals("disable", tgw.string("defaultRouteTableAssociation"));
        assertEquals("disable", tgw.string("defaultRouteTablePropagation"));
        String attachment = idOf("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "app-apse1-tgw-vpc");
        for (String type : List.of(TGW_ASSOCIATION, "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation")) {
            var link = run.named(type, "app-apse1-tgw-vpc");
            assertEquals(attachment, link.string("transitGatewayAttachmentId"));
            assertEquals(spokeTable(), link.string("transitGatewayRouteTableId"));
        }
    }

    @Test
    void peeringJoinsTheSpokeGatewayToTheHubGatewayInTheHubRegionAndAccount() {
        var peering = run.named(PEERING, "app-apse1-link");
        assertEquals(idOf("aws:ec2transitgateway/transitGateway:TransitGateway", "app-apse1-tgw"),
                peering.string("transitGatewayId"));
        assertEquals(hub(HubOutputs.TRANSIT_GATEWAY_ID), peering.string("peerTransitGatewayId"));
        assertEquals("us-east-1", peering.string("peerRegion"));
        assertEquals("111122223333", peering.string("peerAccountId"));
        assertEquals(peeringId(), run.named(ACCEPTER, "app-apse1-link-accepter").string("transitGatewayAttachmentId"));
    }

    @Test
    void everyHubSideResourceIsCreatedThroughTheHubRegionProviderAndEverySpokeSideOneIsNot() {
        var hubSide = List.of(
                run.named(ACCEPTER, "app-apse1-link-accepter"),
                run.named(TGW_ASSOCIATION, "app-apse1-link-hub"),
                run.named(TGW_ROUTE, "app-apse1-link-hub-to-spoke"),
                run.named(VPC_ROUTE, "app-apse1-link-hub-vpc-0"),
                run.named(INGRESS, "app-apse1-link-https-from-spoke"),
                run.named(ZONE_ASSOCIATION, "app-apse1-link-sts-zone"),
                run.named(ZONE_ASSOCIATION, "app-apse1-link-lambda-zone"));
        for (MockResource resource : hubSide) {
            var provider = run.explicitProvider(resource);
            assertEquals(Optional.of(HUB_PROVIDER), provider.map(MockResource::name), resource.name());
            assertEquals("us-east-1", provider.orElseThrow().string("region"));
        }
        for (MockResource resource : List.of(run.named(PEERING, "app-apse1-link"),
                run.named(TGW_ASSOCIATION, "app-apse1-link-spoke"), run.named(TGW_ROUTE, "app-apse1-link-spoke-to-hub"),
                run.named(VPC_ROUTE, "app-apse1-link-spoke-vpc-0"))) {
            assertEquals(Optional.empty(), resource.provider(), resource.name() + " belongs to the spoke region");
        }
    }

    @Test
    void theHubRegionProviderCarriesTheStackFilesProviderSettings() {
        var provider = run.named("pulumi:providers:aws", HUB_PROVIDER);
        assertEquals(List.of("111122223333"), provider.providerSetting("allowedAccountIds").orElseThrow());
        assertEquals(Map.of("tags", Map.of("project", "bedrock-stream", "stack", "app-apse1")),
                provider.providerSetting("defaultTags").orElseThrow());
    }

    @Test
    void gatewayRoutesOnBothSidesGoThroughThePeeringIntoTheRightTables() {
        var spokeToHub = run.named(TGW_ROUTE, "app-apse1-link-spoke-to-hub");
        assertEquals(HUB_CIDR, spokeToHub.string("destinationCidrBlock"));
        assertEquals(peeringId(), spokeToHub.string("transitGatewayAttachmentId"));
        assertEquals(spokeTable(), spokeToHub.string("transitGatewayRouteTableId"));

        var hubToSpoke = run.named(TGW_ROUTE, "app-apse1-link-hub-to-spoke");
        assertEquals(SPOKE_CIDR, hubToSpoke.string("destinationCidrBlock"));
        assertEquals(peeringId(), hubToSpoke.string("transitGatewayAttachmentId"));
        assertEquals(hub(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID), hubToSpoke.string("transitGatewayRouteTableId"));

        var spokeAssociation = run.named(TGW_ASSOCIATION, "app-apse1-link-spoke");
        assertEquals(peeringId(), spokeAssociation.string("transitGatewayAttachmentId"));
        assertEquals(spokeTable(), spokeAssociation.string("transitGatewayRouteTableId"));
        var hubAssociation = run.named(TGW_ASSOCIATION, "app-apse1-link-hub");
        assertEquals(peeringId(), hubAssociation.string("transitGatewayAttachmentId"));
        assertEquals(hub(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID), hubAssociation.string("transitGatewayRouteTableId"));
    }

    @Test
    void vpcRoutesOnBothSidesLeadToTheirOwnGateway() {
        var spokeRoute = run.named(VPC_ROUTE, "app-apse1-link-spoke-vpc-0");
        assertEquals(idOf("aws:ec2/routeTable:RouteTable", "app-apse1-private"), spokeRoute.string("routeTableId"));
        assertEquals(HUB_CIDR, spokeRoute.string("destinationCidrBlock"));
        assertEquals(idOf("aws:ec2transitgateway/transitGateway:TransitGateway", "app-apse1-tgw"),
                spokeRoute.string("transitGatewayId"));

        var hubRoute = run.named(VPC_ROUTE, "app-apse1-link-hub-vpc-0");
        assertEquals(List.of(hubRoute.string("routeTableId")), chain.hub().outputs().get(HubOutputs.ROUTE_TABLE_IDS.name()));
        assertEquals(SPOKE_CIDR, hubRoute.string("destinationCidrBlock"));
        assertEquals(hub(HubOutputs.TRANSIT_GATEWAY_ID), hubRoute.string("transitGatewayId"));
    }

    @Test
    void nothingRoutesThroughThePeeringBeforeItIsAccepted() {
        for (var route : List.of(run.named(TGW_ROUTE, "app-apse1-link-spoke-to-hub"),
                run.named(TGW_ROUTE, "app-apse1-link-hub-to-spoke"), run.named(TGW_ASSOCIATION, "app-apse1-link-spoke"),
                run.named(TGW_ASSOCIATION, "app-apse1-link-hub"), run.named(VPC_ROUTE, "app-apse1-link-spoke-vpc-0"),
                run.named(VPC_ROUTE, "app-apse1-link-hub-vpc-0"))) {
            assertTrue(route.dependsOn().contains("app-apse1-link-accepter"), route.name() + " " + route.dependsOn());
        }
        assertTrue(run.named(VPC_ROUTE, "app-apse1-link-spoke-vpc-0").dependsOn().contains("app-apse1-tgw-vpc"),
                "a VPC route to a gateway needs the VPC attached to it first");
    }

    @Test
    void hubEndpointsAdmitExactlyTheSpokeBlockOnHttps() {
        var rule = run.named(INGRESS, "app-apse1-link-https-from-spoke");
        assertEquals(hub(HubOutputs.ENDPOINT_SECURITY_GROUP_ID), rule.string("securityGroupId"));
        assertEquals(SPOKE_CIDR, rule.string("cidrIpv4"));
        assertEquals("tcp", rule.string("ipProtocol"));
        assertEquals(443, ((Number) rule.input("fromPort").orElseThrow()).intValue());
        assertEquals(443, ((Number) rule.input("toPort").orElseThrow()).intValue());
        assertEquals(1, run.ofType(INGRESS).stream()
                .filter(r -> r.string("securityGroupId").equals(hub(HubOutputs.ENDPOINT_SECURITY_GROUP_ID))).count());
    }

    @Test
    void hubServiceZonesAreAssociatedWithTheSpokeVpcInItsRegion() {
        String vpc = idOf("aws:ec2/vpc:Vpc", "app-apse1");
        var zones = run.ofType(ZONE_ASSOCIATION);
        assertEquals(Set.of(hub(HubOutputs.STS_ZONE_ID), hub(HubOutputs.LAMBDA_ZONE_ID)),
                Set.copyOf(zones.stream().map(z -> z.string("zoneId")).toList()));
        for (MockResource zone : zones) {
            assertEquals(vpc, zone.string("vpcId"));
            assertEquals("ap-southeast-1", zone.string("vpcRegion"));
        }
    }

    @Test
    void callersUseTheMlRegionNamesAndMaySendHttpsOnlyToTheHubBlock() {
        var function = run.named("aws:lambda/function:Function", "app-apse1-app-invoker");
        assertEquals("us-east-1", function.string("environment.variables.ML_REGION"));
        assertEquals(hub(HubOutputs.INVOKE_FUNCTION_ARN), function.string("environment.variables.ML_FUNCTION_ARN"));
        assertEquals(hub(HubOutputs.INVOKE_ROLE_ARN), function.string("environment.variables.INVOKER_ROLE_ARN"));
        // Beyond the hub's block, the notebook reaches only its own Logs endpoint, in its VPC, by group.
        var notebookAccess = idOf("aws:ec2/securityGroup:SecurityGroup", "app-apse1-notebook-access");
        for (var group : Map.of("app-apse1-app-invoker-function", List.<String>of(),
                "app-apse1-bedrock-sample", List.of(notebookAccess)).entrySet()) {
            var egress = run.ofType("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule").stream()
                    .filter(r -> r.string("securityGroupId").equals(idOf("aws:ec2/securityGroup:SecurityGroup",
                            group.getKey())))
                    .toList();
            assertEquals(1 + group.getValue().size(), egress.size(), group.getKey());
            assertEquals(List.of(HUB_CIDR), egress.stream().flatMap(r -> r.input("cidrIpv4").stream())
                    .map(String::valueOf).toList(), group.getKey());
            assertEquals(group.getValue(), egress.stream().flatMap(r -> r.input("referencedSecurityGroupId").stream())
                    .map(String::valueOf).toList(), group.getKey());
            egress.forEach(r -> assertEquals(443, ((Number) r.input("toPort").orElseThrow()).intValue()));
        }
        assertTrue(run.named("aws:iam/role:Role", "bedrock-app-app-apse1-app-invoker").string("name")
                .startsWith("bedrock-app-"), "the invoker role's trust admits only prefixed roles");
    }

    @Test
    void notebookIsTheHardenedOneThroughTheNewerPluginWithTheStackSettings() {
        var notebook = run.named("aws:sagemaker/notebookInstance:NotebookInstance", "app-apse1-bedrock-sample");
        assertEquals("Disabled", notebook.string("directInternetAccess"));
        assertEquals("Disabled", notebook.string("rootAccess"));
        var provider = run.explicitProvider(notebook).orElseThrow();
        assertEquals(Optional.of(Notebook.PROVIDER_PLUGIN_VERSION), provider.pluginVersion());
        assertEquals("ap-southeast-1", provider.string("region"));
        assertEquals(List.of("111122223333"), provider.providerSetting("allowedAccountIds").orElseThrow());
        assertEquals(Map.of("tags", Map.of("project", "bedrock-stream", "stack", "app-apse1")),
                provider.providerSetting("defaultTags").orElseThrow());
    }

    @Test
    void exportsTheSpokeContract() {
        assertEquals(SpokeOutputs.ALL.stream().map(o -> o.name()).sorted().toList(),
                run.outputs().keySet().stream().sorted().toList());
        assertEquals(peeringId(), run.outputs().get(SpokeOutputs.PEERING_ATTACHMENT_ID.name()));
        assertEquals(SPOKE_CIDR, run.outputs().get(SpokeOutputs.VPC_CIDR.name()));
        assertEquals(List.of("app-apse1-app-invoker"), run.outputs().get(SpokeOutputs.APP_FUNCTION_NAMES.name()));
        assertEquals(chain.hub().outputs().get(HubOutputs.ALLOWED_MODEL_IDS.name()),
                run.outputs().get(SpokeOutputs.ALLOWED_MODEL_IDS.name()), "the models this region's callers may name");
        assertEquals(List.of("app-apse1-bedrock-sample"), run.outputs().get(SpokeOutputs.NOTEBOOK_NAMES.name()));
    }

    @Test
    void theSpokeRegistersNothingOfTheHubsAndTheHubLeavesSpokeRulesAlone() {
        var hubNames = Set.copyOf(chain.hub().awsResources().stream().map(MockResource::name).toList());
        assertEquals(List.of(), run.awsResources().stream().map(MockResource::name).filter(hubNames::contains).toList());
        // The hub owns no inline routes or rules and ignores its zones' VPC list, so updating (or keeping) the hub
        // never removes what a spoke added, and destroying a spoke removes only the spoke's own entries.
        for (MockResource table : chain.hub().ofType("aws:ec2/routeTable:RouteTable")) {
            assertFalse(table.input("routes").isPresent(), table.name());
        }
        for (MockResource group : chain.hub().ofType("aws:ec2/securityGroup:SecurityGroup")) {
            assertFalse(group.input("ingress").isPresent(), group.name());
        }
        for (MockResource zone : chain.hub().ofType("aws:route53/zone:Zone")) {
            assertEquals(List.of("vpcs"), zone.ignoreChanges(), zone.name());
        }
    }
}
