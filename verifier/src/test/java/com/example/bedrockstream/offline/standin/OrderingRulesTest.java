package com.example.bedrockstream.offline.standin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import static com.example.bedrockstream.offline.standin.StandIn.create;
import static com.example.bedrockstream.offline.standin.StandIn.delete;
import static com.example.bedrockstream.offline.standin.StandIn.refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The orders AWS enforces, so that a dependency the program leaves out fails as it would in AWS. */
class OrderingRulesTest {
    private static final String APP = "111122223333";
    private static final String VPC = "aws:ec2/vpc:Vpc";
    private static final String SUBNET = "aws:ec2/subnet:Subnet";
    private static final String TGW = "aws:ec2transitgateway/transitGateway:TransitGateway";
    private static final String TGW_ROUTE_TABLE = "aws:ec2transitgateway/routeTable:RouteTable";
    private static final String PEERING = "aws:ec2transitgateway/peeringAttachment:PeeringAttachment";
    private static final String ACCEPTER = "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter";
    private static final String TGW_ROUTE = "aws:ec2transitgateway/route:Route";
    private static final Duration ACCEPTANCE = Duration.ofMillis(1500);

    @TempDir
    Path cloud;
    private StandIn standIn;
    private ResourceProviderBlockingStub hub;
    private ResourceProviderBlockingStub spoke;

    @BeforeEach
    void start() throws IOException {
        standIn = new StandIn(cloud, ACCEPTANCE);
        // Two provider processes, two regions, one cloud: a spoke stack's explicit provider for the hub region.
        hub = standIn.provider(APP, "us-east-1");
        spoke = standIn.provider(APP, "eu-central-1");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void aResourceThatNamesAMissingOneIsRefused_andCreatedOnceItExists() {
        var subnet = Map.of("vpcId", "vpc-0123456789abcdef0", "cidrBlock", "10.0.0.0/24");
        assertEquals("InvalidVpcID.NotFound: The vpc ID 'vpc-0123456789abcdef0' does not exist (vpcId)",
                refusal(() -> create(spoke, SUBNET, "a", subnet)));
        assertTrue(standIn.store().entries().isEmpty());

        String vpcId = create(hub, VPC, "app", Map.of("cidrBlock", "10.0.0.0/22")).getId();
        assertEquals("subnet-", create(spoke, SUBNET, "a", Map.of("vpcId", vpcId, "cidrBlock", "10.0.0.0/24"))
                .getId().substring(0, 7), "the VPC another process created is found");
    }

    @Test
    void rolesArnsAndNamesAreResolved_butNotTheArnsInsideAPolicyDocument() {
        String roleArn = "arn:aws:iam::" + APP + ":role/app-invoker";
        assertEquals("NoSuchEntity: The role with name app-invoker cannot be found. (role)",
                refusal(() -> create(hub, "aws:lambda/function:Function", "app", Map.of("role", roleArn))));
        assertEquals("NoSuchEntity: The role with name app-invoker cannot be found. (role)",
                refusal(() -> create(hub, "aws:iam/rolePolicy:RolePolicy", "p", Map.of("role", "app-invoker",
                        "policy", "{\"Resource\":\"arn:aws:lambda:us-east-1:444455556666:function:elsewhere\"}"))));

        var role = create(hub, "aws:iam/role:Role", "app-invoker", Map.of("name", "app-invoker"));
        assertEquals(roleArn, Structs.toMap(role.getProperties()).get("arn"));
        create(hub, "aws:lambda/function:Function", "app", Map.of("role", roleArn,
                "environment", Map.of("variables", Map.of("TARGET", "arn:aws:lambda:us-east-1:444455556666:function:x"))));
        create(hub, "aws:iam/rolePolicy:RolePolicy", "p", Map.of("role", "app-invoker",
                "policy", "{\"Resource\":\"arn:aws:lambda:us-east-1:444455556666:function:elsewhere\"}"));
    }

    @Test
    void aRouteOnAPeeringAttachmentWaitsForThePeerToAccept() {
        String attachment = peering();
        String table = create(hub, TGW_ROUTE_TABLE, "hub-rt", Map.of("transitGatewayId", id(TGW, "hub-tgw"))).getId();
        var route = Map.of("destinationCidrBlock", "10.50.0.0/22", "transitGatewayAttachmentId", attachment,
                "transitGatewayRouteTableId", table);
        assertEquals("IncorrectState: " + attachment + " is in invalid state pendingAcceptance",
                refusal(() -> create(hub, TGW_ROUTE, "to-spoke", route)));

        long started = System.nanoTime();
        var accepting = CompletableFuture.runAsync(() -> create(hub, ACCEPTER, "accept",
                Map.of("transitGatewayAttachmentId", attachment)));
        // A route that does not wait for the accepter still finds the attachment pending while the peer accepts.
        sleep(ACCEPTANCE.dividedBy(3));
        assertTrue(refusal(() -> create(hub, TGW_ROUTE, "to-spoke", route)).startsWith("IncorrectState: "));
        accepting.join();
        assertTrue(Duration.ofNanos(System.nanoTime() - started).compareTo(ACCEPTANCE) >= 0, "acceptance takes time");
        create(hub, TGW_ROUTE, "to-spoke", route);
    }

    @Test
    void aResourceInUseCannotBeDeleted_untilWhatUsesItIsGone() {
        String vpcId = create(hub, VPC, "app", Map.of("cidrBlock", "10.0.0.0/22")).getId();
        String subnetId = create(hub, SUBNET, "a", Map.of("vpcId", vpcId, "cidrBlock", "10.0.0.0/24")).getId();
        assertEquals("DependencyViolation: " + VPC + " '" + vpcId + "' (" + StandIn.urn(VPC, "app") + ") has dependent"
                        + " object(s) and cannot be deleted: " + SUBNET + " '" + subnetId + "' (" + StandIn.urn(SUBNET, "a")
                        + ") uses it (vpcId)",
                refusal(() -> delete(hub, VPC, "app", vpcId)));
        delete(hub, SUBNET, "a", subnetId);
        delete(hub, VPC, "app", vpcId);
        assertTrue(standIn.store().entries().isEmpty());
    }

    @Test
    void thePeeringAttachmentGoesAfterItsAccepterAndItsRoutes_theAccepterGoesFirstFreely() {
        String attachment = peering();
        String table = create(hub, TGW_ROUTE_TABLE, "hub-rt", Map.of("transitGatewayId", id(TGW, "hub-tgw"))).getId();
        create(hub, ACCEPTER, "accept", Map.of("transitGatewayAttachmentId", attachment));
        String route = create(hub, TGW_ROUTE, "to-spoke", Map.of("destinationCidrBlock", "10.50.0.0/22",
                "transitGatewayAttachmentId", attachment, "transitGatewayRouteTableId", table)).getId();

        assertTrue(refusal(() -> delete(spoke, PEERING, "to-hub", attachment)).contains(ACCEPTER));
        delete(hub, ACCEPTER, "accept", attachment);
        assertTrue(refusal(() -> delete(spoke, PEERING, "to-hub", attachment)).contains(TGW_ROUTE));
        delete(hub, TGW_ROUTE, "to-spoke", route);
        delete(spoke, PEERING, "to-hub", attachment);
    }

    /** A spoke's peering attachment to the hub's Transit Gateway, not accepted yet. */
    private String peering() {
        String hubTgw = create(hub, TGW, "hub-tgw", Map.of("amazonSideAsn", 64512)).getId();
        String spokeTgw = create(spoke, TGW, "spoke-tgw", Map.of("amazonSideAsn", 64520)).getId();
        return create(spoke, PEERING, "to-hub", Map.of("transitGatewayId", spokeTgw, "peerTransitGatewayId", hubTgw,
                "peerRegion", "us-east-1", "peerAccountId", APP)).getId();
    }

    private String id(String type, String name) {
        return standIn.store().entries().stream().filter(e -> e.urn().equals(StandIn.urn(type, name)))
                .findFirst().orElseThrow().id();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
