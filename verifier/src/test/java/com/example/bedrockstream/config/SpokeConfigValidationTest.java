package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.offline.MockResource;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A spoke's own values and its agreement with the hub, checked before anything is registered. */
class SpokeConfigValidationTest {
    private static final String FROM_HUB = "(from stack 'organization/bedrock-stream/app-use1')";

    @Test
    void anOverlapWithTheHubVpcIsReported() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("vpcCidr", "10.20.0.0/16"), e -> e).spoke(),
                "bedrock-stream:vpcCidr = \"10.20.0.0/16\": expected a block that does not overlap the hub VPC 10.20.0.0/22 " + FROM_HUB);
    }

    @Test
    void anOverlapWithTheMlVpcAndTheHubsAsnAreReportedTogether() {
        var run = Stacks.spoke("app-apse1", Map.of("vpcCidr", "10.10.0.0/23", "transitGatewayAsn", "64512"),
                exports -> exports).spoke();
        Stacks.assertRefused(run, "Stack 'app-apse1' has 2 configuration problems; nothing was created:",
                "bedrock-stream:vpcCidr = \"10.10.0.0/23\": expected a block that does not overlap the ML VPC 10.10.0.0/22 " + FROM_HUB,
                "bedrock-stream:transitGatewayAsn = \"64512\": expected an ASN other than the hub Transit Gateway's 64512 "
                        + FROM_HUB + ": AWS recommends a unique ASN for each peered Transit Gateway");
    }

    @Test
    void asnOutsideThePrivateRangeIsReported() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("transitGatewayAsn", "7224"), e -> e).spoke(),
                "bedrock-stream:transitGatewayAsn = \"7224\": expected a private 2-byte ASN");
    }

    @Test
    void theHubRegionIsRefusedWithWhatToDoInstead() {
        var run = Stacks.spoke("app-apse1", Map.of("aws:region", "us-east-1",
                "availabilityZones", "[\"us-east-1a\",\"us-east-1b\"]"), e -> e).spoke();
        Stacks.assertRefused(run, "aws:region = \"us-east-1\": expected a region other than the hub's us-east-1 " + FROM_HUB
                + ": a spoke reaches the hub over inter-region Transit Gateway peering");
    }

    @Test
    void zonesOfAnotherRegionAreReported() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("availabilityZones", "[\"us-east-1a\",\"us-east-1b\"]"),
                        e -> e).spoke(),
                "bedrock-stream:availabilityZones = [us-east-1a, us-east-1b]: expected zones of ap-southeast-1");
    }

    @Test
    void anotherAccountThanTheHubsIsReported() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("accountId", "999988887777",
                        "aws:allowedAccountIds", "[\"999988887777\"]"), e -> e).spoke(),
                "bedrock-stream:accountId = \"999988887777\": expected the hub's application account 111122223333 " + FROM_HUB);
    }

    @Test
    void aMissingHubStackKeyIsReported() {
        var overrides = new HashMap<String, String>();
        overrides.put("hubStack", null);
        Stacks.assertRefused(Stacks.spoke("app-apse1", overrides, e -> e).spoke(),
                "bedrock-stream:hubStack = (not set): expected the hub stack's fully qualified name "
                        + "<organization>/<project>/<stack>, e.g. organization/bedrock-stream/app-use1");
    }

    @Test
    void aStackThatIsNotAHubIsReportedWithTheOutputsItLacks() {
        var run = Stacks.spoke("app-apse1", Map.of("hubStack", "organization/bedrock-stream/ml-use1"), e -> e).spoke();
        Stacks.assertRefused(run, "bedrock-stream:hubStack = \"organization/bedrock-stream/ml-use1\": expected a deployed"
                + " stack that exports [hubRegion, hubAccountId");
    }

    @Test
    void aHubNotDeployedYetIsReported() {
        var run = Stacks.spoke("app-apse1", Map.of("hubStack", "organization/bedrock-stream/app-zz9"), e -> e).spoke();
        Stacks.assertRefused(run, "Stack 'app-apse1' has 1 configuration problem; nothing was created:",
                "bedrock-stream:hubStack = \"organization/bedrock-stream/app-zz9\": expected a stack this one can read,"
                        + " but reading stack 'organization/bedrock-stream/app-zz9' failed: NOT_FOUND: unknown stack"
                        + " reference organization/bedrock-stream/app-zz9. Deploy it first, check the name (pulumi stack"
                        + " ls --all), and keep both stacks in the same backend (pulumi whoami -v)");
    }

    @Test
    void aMalformedCidrFromTheHubIsAProblemLineNotACrash() {
        var run = Stacks.spoke("app-apse1", Map.of(), e -> {
            e.put(HubOutputs.VPC_CIDR.name(), "10.20.0.0/33");
            return e;
        }).spoke();
        Stacks.assertRefused(run, "bedrock-stream:hubStack = \"organization/bedrock-stream/app-use1\": expected stack "
                + "'organization/bedrock-stream/app-use1' to export 'hubVpcCidr' as an IPv4 network in CIDR form");
    }

    @Test
    void anExternalIdTheSpokeCouldNotDecryptIsRefusedWithTheSecretsProviderAdvice() {
        var run = Stacks.spoke("app-apse1", Map.of(), e -> {
            e.put(HubOutputs.INVOKE_EXTERNAL_ID.name(), "[secret]");
            return e;
        }).spoke();
        Stacks.assertRefused(run, "expected stack 'organization/bedrock-stream/app-use1' to export 'invokeExternalId' as the"
                + " invoker role's external id", "run both stacks with the same secrets provider");
        assertTrue(!run.errorText().contains("[secret]\""), "the value read is never echoed");
    }

    @Test
    void aSecondSpokeJoinsWithNoCodeChangeAndRegistersNothingOfTheFirstOrTheHub() {
        var chain = Stacks.spoke("app-euw1", Map.of(), e -> e, "app-apse1");
        var run = chain.spoke();
        assertTrue(run.succeeded(), run.errorText());
        var foreign = run.awsResources().stream().map(MockResource::name)
                .filter(n -> n.startsWith("app-apse1") || n.startsWith("app-use1") || n.startsWith("ml-use1")).toList();
        assertEquals(List.of(), foreign);
        assertEquals("eu-west-1", run.named("aws:route53/zoneAssociation:ZoneAssociation", "app-euw1-link-sts-zone")
                .string("vpcRegion"));
        assertEquals("us-east-1", run.named("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", "app-euw1-link")
                .string("peerRegion"));
        assertEquals("10.40.0.0/22", run.named("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                "app-euw1-link-https-from-spoke").string("cidrIpv4"));
        assertEquals(List.of(), run.outputs().get(SpokeOutputs.NOTEBOOK_NAMES.name()), "its notebook is switched off");
        assertEquals(List.of(), run.ofType("aws:sagemaker/notebookInstance:NotebookInstance"));
        assertEquals(Set.of("app-euw1-aws-us-east-1"), Set.copyOf(run.ofType("pulumi:providers:aws").stream()
                .map(MockResource::name).toList()), "no notebook, so no notebook provider");
    }

    @Test
    void withTheApplicationLambdaSwitchedOffTheSpokeNeedsNoJar() {
        var run = Stacks.spoke("app-apse1", Map.of("appFunctionEnabled", "false"), e -> e).spoke();
        assertTrue(run.succeeded(), run.errorText());
        assertEquals(List.of(), run.ofType("aws:lambda/function:Function"));
        assertEquals(List.of(), run.outputs().get(SpokeOutputs.APP_FUNCTION_NAMES.name()));
    }
}
