package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.policy.InvokerRolePolicies;
import com.example.bedrockstream.policy.LambdaEndpointPolicy;
import com.example.bedrockstream.policy.StsEndpointPolicy;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static com.example.bedrockstream.offline.path.PathAssertions.EVERY_CALLER;
import static com.example.bedrockstream.offline.path.PathAssertions.SPOKE_CALLERS;
import static com.example.bedrockstream.offline.path.PathAssertions.SPOKE_FUNCTION;
import static com.example.bedrockstream.offline.path.PathAssertions.onlyBroken;
import static com.example.bedrockstream.offline.path.PathRuns.adding;
import static com.example.bedrockstream.offline.path.PathRuns.committed;
import static com.example.bedrockstream.offline.path.PathRuns.copy;
import static com.example.bedrockstream.offline.path.PathRuns.resource;
import static com.example.bedrockstream.offline.path.PathRuns.withInput;
import static com.example.bedrockstream.offline.path.PathRuns.without;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One variation per hop of the committed runs' resources. Each leaves every resource valid on its own (the kind of
 * change a preview would accept) and breaks exactly one hop, for exactly the callers it concerns.
 */
class PathMutationTest {
    private static final String ML_ACCOUNT = "444455556666";
    private static final String APP_ACCOUNT = "111122223333";
    private static final String ANOTHER_ROLE = "arn:aws:iam::" + ML_ACCOUNT + ":role/another-role";
    private static final String ML_FUNCTION = "arn:aws:lambda:us-east-1:" + ML_ACCOUNT + ":function:ml-use1-ml-stream";

    private static List<CallerPath> prove(List<OfflineRun> runs) {
        return PathProof.evaluate(runs);
    }

    @Test
    void hop1ASpokeVpcWithoutTheStsZoneAssociationCannotResolveSts() {
        var runs = without(committed(), AwsTypes.ZONE_ASSOCIATION, "app-apse1-link-sts-zone");
        onlyBroken(prove(runs), Hop.NAMES, SPOKE_CALLERS, "no private zone sts.us-east-1.amazonaws.com is associated");
    }

    @Test
    void hop1AZoneApexAliasingNoLambdaEndpointResolvesNowhere() {
        var runs = withInput(committed(), AwsTypes.RECORD, "app-use1-lambda-zone-apex", "aliases", List.of(Map.of(
                "name", "vpce-0a1b2c3d4e5f60718-abcd1234.lambda.us-east-1.vpce.amazonaws.com",
                "zoneId", "Z7HUB22UULQXV", "evaluateTargetHealth", false)));
        onlyBroken(prove(runs), Hop.NAMES, EVERY_CALLER, "the DNS name of no lambda endpoint");
    }

    @Test
    void hop1ASpokeVpcWithoutDnsHostnamesAnswersNoPrivateZone() {
        var runs = withInput(committed(), AwsTypes.VPC, "app-apse1", "enableDnsHostnames", false);
        onlyBroken(prove(runs), Hop.NAMES, SPOKE_CALLERS, "does not set enableDnsHostnames");
    }

    /** Each resource of the spoke's link, on either side and in either direction, is needed by the spoke's callers. */
    @ParameterizedTest(name = "without {1}")
    @CsvSource({
            "aws:ec2/route:Route, app-apse1-link-spoke-vpc-0, to app-use1-",
            "aws:ec2/route:Route, app-apse1-link-hub-vpc-0, back from app-use1-",
            "aws:ec2transitgateway/route:Route, app-apse1-link-spoke-to-hub, to app-use1-",
            "aws:ec2transitgateway/route:Route, app-apse1-link-hub-to-spoke, back from app-use1-",
            "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation, app-apse1-link-spoke, back from app-use1-",
            "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation, app-apse1-link-hub, to app-use1-",
            "aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation, app-apse1-tgw-vpc, to app-use1-",
            "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation, app-apse1-tgw-vpc, back from app-use1-",
            "aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation, app-use1-tgw-vpc, to app-use1-",
            "aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter, app-apse1-link-accepter, is never accepted",
    })
    void hop2WithoutAPieceOfTheSpokeLinkTheSpokeCallersHaveNoRoute(String type, String name, String fragment) {
        onlyBroken(prove(without(committed(), type, name)), Hop.ROUTES, SPOKE_CALLERS, fragment);
    }

    @Test
    void hop2AHubRouteToTheSpokeThatBlackholesDropsTheAnswers() {
        var runs = withInput(committed(), AwsTypes.TGW_ROUTE, "app-apse1-link-hub-to-spoke", "blackhole", true);
        onlyBroken(prove(runs), Hop.ROUTES, SPOKE_CALLERS, "blackholes 10.30.");
    }

    @Test
    void hop3WithoutTheEndpointRuleForTheSpokeBlockTheSpokeCallersAreNotAdmitted() {
        var runs = without(committed(), AwsTypes.INGRESS_RULE, "app-apse1-link-https-from-spoke");
        onlyBroken(prove(runs), Hop.SECURITY_GROUPS, SPOKE_CALLERS, "admit no 443 from app-apse1-");
    }

    @Test
    void hop3ARuleForHalfTheSpokeBlockAdmitsTheNotebookButNotTheFunctionInBothSubnets() {
        var runs = withInput(committed(), AwsTypes.INGRESS_RULE, "app-apse1-link-https-from-spoke", "cidrIpv4",
                "10.30.0.0/23");
        onlyBroken(prove(runs), Hop.SECURITY_GROUPS, List.of(SPOKE_FUNCTION), "admit no 443 from app-apse1-app-invoker (groups");
    }

    @Test
    void hop3TwoRulesThatTogetherHoldTheSpokeBlockAdmitEveryCaller() {
        var rule = resource(committed(), AwsTypes.INGRESS_RULE, "app-apse1-link-https-from-spoke");
        var runs = adding(withInput(committed(), AwsTypes.INGRESS_RULE, rule.name(), "cidrIpv4", "10.30.0.0/23"),
                "app-apse1", copy(rule, rule.name() + "-upper", "cidrIpv4", "10.30.2.0/23"));
        var paths = prove(runs);
        assertTrue(paths.stream().allMatch(CallerPath::passed), PathTable.render(paths));
    }

    @Test
    void hop4AnStsEndpointPolicyForAnotherRoleRefusesEveryCaller() {
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-use1-sts", "policy",
                StsEndpointPolicy.of(APP_ACCOUNT, ANOTHER_ROLE).toJson());
        onlyBroken(prove(runs), Hop.STS_POLICY, EVERY_CALLER, "the policy of app-use1-sts refuses sts:AssumeRole");
    }

    @Test
    void hop5ATrustWithoutTheExternalIdConditionAdmitsTooMuch() {
        var role = resource(committed(), AwsTypes.ROLE, "ml-use1-bedrock-invoker");
        var trust = JsonParser.parseString(String.valueOf(role.inputs().get("assumeRolePolicy"))).getAsJsonObject();
        trust.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Condition").remove("StringEquals");
        var runs = withInput(committed(), AwsTypes.ROLE, "ml-use1-bedrock-invoker", "assumeRolePolicy", trust.toString());
        onlyBroken(prove(runs), Hop.TRUST, EVERY_CALLER, "without the agreed external id");
    }

    @Test
    void hop5ATrustThatTakesAnyExternalIdAdmitsTooMuch() {
        var role = resource(committed(), AwsTypes.ROLE, "ml-use1-bedrock-invoker");
        var trust = JsonParser.parseString(String.valueOf(role.inputs().get("assumeRolePolicy"))).getAsJsonObject();
        var condition = trust.getAsJsonArray("Statement").get(0).getAsJsonObject().getAsJsonObject("Condition");
        condition.add("StringLike", condition.remove("StringEquals"));
        condition.getAsJsonObject("StringLike").addProperty("sts:ExternalId", "*");
        var runs = withInput(committed(), AwsTypes.ROLE, "ml-use1-bedrock-invoker", "assumeRolePolicy", trust.toString());
        onlyBroken(prove(runs), Hop.TRUST, EVERY_CALLER, "without the agreed external id");
    }

    @Test
    void hop6ALambdaEndpointPolicyForAnotherRoleRefusesTheInvokerRole() {
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-use1-lambda", "policy",
                LambdaEndpointPolicy.of(ANOTHER_ROLE, ML_FUNCTION).toJson());
        onlyBroken(prove(runs), Hop.LAMBDA_POLICY, EVERY_CALLER, "refuses lambda:InvokeFunction on " + ML_FUNCTION);
    }

    @Test
    void hop7InvokerPermissionsOnAnotherFunctionDoNotReachTheMlFunction() {
        var runs = withInput(committed(), AwsTypes.ROLE_POLICY, "ml-use1-bedrock-invoker-invoke", "policy",
                InvokerRolePolicies.permissions(ML_FUNCTION + "-v2").toJson());
        onlyBroken(prove(runs), Hop.INVOKER_PERMISSIONS, EVERY_CALLER, "do not allow lambda:InvokeFunction");
    }

    @Test
    void hop8WithoutTheBedrockEndpointRuleForTheFunctionTheMlFunctionIsNotAdmitted() {
        var runs = without(committed(), AwsTypes.INGRESS_RULE, "ml-use1-bedrock-runtime-endpoint-https-from-ml-function");
        onlyBroken(prove(runs), Hop.ML_NETWORK, EVERY_CALLER, "ml-use1-bedrock-runtime's groups");
    }

    @Test
    void hop9ABedrockEndpointPolicyWithoutOneModelRefusesThatModel() {
        var endpoint = resource(committed(), AwsTypes.ENDPOINT, "ml-use1-bedrock-runtime");
        String policy = String.valueOf(endpoint.inputs().get("policy"))
                .replace(",\"arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0\"", "");
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "ml-use1-bedrock-runtime", "policy", policy);
        var reasons = onlyBroken(prove(runs), Hop.BEDROCK_POLICY, EVERY_CALLER,
                "refuse bedrock:InvokeModelWithResponseStream on amazon.nova-lite-v1:0");
        reasons.forEach(reason -> assertFalse(reason.contains("claude"), reason));
    }

    @Test
    void hop10AModelPermissionThroughAnotherEndpointRefusesEveryModel() {
        var grant = resource(committed(), AwsTypes.ROLE_POLICY, "ml-use1-ml-stream-ml-stream");
        String bedrockEndpoint = String.valueOf(resource(committed(), AwsTypes.ENDPOINT, "ml-use1-bedrock-runtime")
                .state().get("id"));
        String policy = String.valueOf(grant.inputs().get("policy")).replace(bedrockEndpoint, "vpce-0a1b2c3d4e5f60718");
        var runs = withInput(committed(), AwsTypes.ROLE_POLICY, "ml-use1-ml-stream-ml-stream", "policy", policy);
        onlyBroken(prove(runs), Hop.MODEL_PERMISSIONS, EVERY_CALLER,
                "the ML function role's policies refuse bedrock:InvokeModelWithResponseStream on us.anthropic.claude-haiku-4-5");
    }
}
