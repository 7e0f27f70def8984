package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.policy.BedrockEndpointPolicy;
import com.example.bedrockstream.policy.InvokerRolePolicies;
import com.example.bedrockstream.policy.LambdaEndpointPolicy;
import com.example.bedrockstream.policy.MlFunctionRolePolicy;
import com.example.bedrockstream.policy.NotebookAccessPolicies;
import com.example.bedrockstream.policy.StsEndpointPolicy;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.example.bedrockstream.offline.path.PolicyDecision.ALLOW;
import static com.example.bedrockstream.offline.path.PolicyDecision.EXPLICIT_DENY;
import static com.example.bedrockstream.offline.path.PolicyDecision.IMPLICIT_DENY;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The evaluator on its own, element by element, then on each of the project's own documents. */
class PolicyEvaluatorTest {
    private static final String APP = "111122223333";
    private static final String CALLER = "arn:aws:iam::" + APP + ":role/bedrock-app-app-use1-app-invoker";
    private static final String INVOKER = "arn:aws:iam::444455556666:role/ml-use1-bedrock-invoker";
    private static final String FUNCTION = "arn:aws:lambda:us-east-1:444455556666:function:ml-use1-ml-stream";

    private static String policy(String... statements) {
        return "{\"Version\":\"2012-10-17\",\"Statement\":[" + String.join(",", statements) + "]}";
    }

    private static PolicyDecision decide(String policy, PolicyRequest request) {
        return PolicyEvaluator.evaluate(policy, request);
    }

    @Test
    void anActionMatchesExactlyOrByWildcardAndIgnoresCase() {
        String p = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:Get*\",\"Resource\":\"*\"}");
        assertEquals(ALLOW, decide(p, PolicyRequest.of("s3:GetObject", "arn:aws:s3:::b/k")));
        assertEquals(ALLOW, decide(p, PolicyRequest.of("S3:getobject", "arn:aws:s3:::b/k")));
        assertEquals(IMPLICIT_DENY, decide(p, PolicyRequest.of("s3:PutObject", "arn:aws:s3:::b/k")));
        String q = policy("{\"Effect\":\"Allow\",\"Action\":[\"lambda:InvokeFunction\"],\"Resource\":[\"*\"]}");
        assertEquals(ALLOW, decide(q, PolicyRequest.of("lambda:invokefunction", FUNCTION)));
        assertEquals(IMPLICIT_DENY, decide(q, PolicyRequest.of("lambda:InvokeFunctionUrl", FUNCTION)));
    }

    @Test
    void notActionAppliesToEveryOtherAction() {
        String p = policy("{\"Effect\":\"Allow\",\"NotAction\":[\"iam:*\"],\"Resource\":\"*\"}");
        assertEquals(ALLOW, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION)));
        assertEquals(IMPLICIT_DENY, decide(p, PolicyRequest.of("iam:PassRole", INVOKER)));
    }

    @Test
    void aResourceMatchesByWildcardCaseSensitively() {
        String p = policy("{\"Effect\":\"Allow\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":[\""
                + FUNCTION + "\",\"" + FUNCTION + ":*\"]}");
        assertEquals(ALLOW, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION)));
        assertEquals(ALLOW, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION + ":live")));
        assertEquals(IMPLICIT_DENY, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION + "-other")));
        assertEquals(IMPLICIT_DENY, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION.toUpperCase())));
        String q = policy("{\"Effect\":\"Allow\",\"Action\":\"s3:GetObject\",\"Resource\":\"arn:aws:s3:::b/?.txt\"}");
        assertEquals(ALLOW, decide(q, PolicyRequest.of("s3:GetObject", "arn:aws:s3:::b/a.txt")));
        assertEquals(IMPLICIT_DENY, decide(q, PolicyRequest.of("s3:GetObject", "arn:aws:s3:::b/ab.txt")));
    }

    @Test
    void notResourceAppliesToEveryOtherResource() {
        String p = policy("{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"NotResource\":\"" + FUNCTION + "\"}");
        assertEquals(IMPLICIT_DENY, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION)));
        assertEquals(ALLOW, decide(p, PolicyRequest.of("lambda:InvokeFunction", FUNCTION + "-other")));
    }

    @Test
    void anExplicitDenyWinsOverAnyAllowWhateverTheOrder() {
        String allow = "{\"Effect\":\"Allow\",\"Action\":\"lambda:*\",\"Resource\":\"*\"}";
        String deny = "{\"Effect\":\"Deny\",\"Action\":\"lambda:InvokeFunction\",\"Resource\":\"" + FUNCTION + "\"}";
        assertEquals(EXPLICIT_DENY, decide(policy(allow, deny), PolicyRequest.of("lambda:InvokeFunction", FUNCTION)));
        assertEquals(EXPLICIT_DENY, decide(policy(deny, allow), PolicyRequest.of("lambda:InvokeFunction", FUNCTION)));
        assertEquals(ALLOW, decide(policy(deny, allow), PolicyRequest.of("lambda:GetFunction", FUNCTION)));
    }

    @Test
    void aSingleStatementObjectIsAStatementList() {
        String p = "{\"Statement\":{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\"}}";
        assertEquals(ALLOW, decide(p, PolicyRequest.of("sts:AssumeRole", INVOKER)));
    }

    @Test
    void aPrincipalMatchesItsArnItsAccountOrAnyone() {
        var request = PolicyRequest.of("sts:AssumeRole", INVOKER).by(CALLER);
        String byArn = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + CALLER + "\"},\"Action\":\"sts:AssumeRole\"}");
        String byRoot = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::" + APP
                + ":root\"]},\"Action\":\"sts:AssumeRole\"}");
        String byAccountId = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"" + APP + "\"},\"Action\":\"sts:AssumeRole\"}");
        String anyone = policy("{\"Effect\":\"Allow\",\"Principal\":\"*\",\"Action\":\"sts:AssumeRole\"}");
        String anyAws = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"*\"},\"Action\":\"sts:AssumeRole\"}");
        String otherRole = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::" + APP
                + ":role/other\"]},\"Action\":\"sts:AssumeRole\"}");
        String otherAccount = policy("{\"Effect\":\"Allow\",\"Principal\":{\"AWS\":\"arn:aws:iam::999999999999:root\"},"
                + "\"Action\":\"sts:AssumeRole\"}");
        String service = policy("{\"Effect\":\"Allow\",\"Principal\":{\"Service\":\"lambda.amazonaws.com\"},"
                + "\"Action\":\"sts:AssumeRole\"}");
        for (String allowed : List.of(byArn, byRoot, byAccountId, anyone, anyAws)) {
            assertEquals(ALLOW, decide(allowed, request), allowed);
        }
        for (String refused : List.of(otherRole, otherAccount, service)) {
            assertEquals(IMPLICIT_DENY, decide(refused, request), refused);
        }
        assertEquals(IMPLICIT_DENY, decide(byRoot, PolicyRequest.of("sts:AssumeRole", INVOKER)),
                "a statement with a principal does not speak for an unnamed requester");
    }

    @Test
    void notPrincipalIsRefusedRatherThanGuessed() {
        String p = policy("{\"Effect\":\"Deny\",\"NotPrincipal\":{\"AWS\":\"" + CALLER + "\"},\"Action\":\"*\"}");
        assertThrows(IllegalArgumentException.class, () -> decide(p, PolicyRequest.of("sts:AssumeRole", INVOKER)));
    }

    private static String withCondition(String operator, String key, String values) {
        return policy("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\",\"Condition\":{\""
                + operator + "\":{\"" + key + "\":" + values + "}}}");
    }

    @Test
    void stringEqualsIsExactAnyOfItsValuesAndFailsWithoutTheKey() {
        String p = withCondition("StringEquals", "sts:ExternalId", "[\"id-1\",\"id-2\"]");
        var base = PolicyRequest.of("sts:AssumeRole", INVOKER);
        assertEquals(ALLOW, decide(p, base.with("sts:ExternalId", "id-2")));
        assertEquals(ALLOW, decide(p, base.with("STS:externalid", "id-1")), "condition keys ignore case");
        assertEquals(IMPLICIT_DENY, decide(p, base.with("sts:ExternalId", "ID-1")), "values do not");
        assertEquals(IMPLICIT_DENY, decide(p, base.with("sts:ExternalId", "id-")));
        assertEquals(IMPLICIT_DENY, decide(p, base));
    }

    @Test
    void stringLikeTakesWildcards() {
        String p = withCondition("StringLike", "aws:PrincipalArn", "\"arn:aws:iam::*:role/bedrock-app-*\"");
        var base = PolicyRequest.of("sts:AssumeRole", INVOKER);
        assertEquals(ALLOW, decide(p, base.with("aws:PrincipalArn", CALLER)));
        assertEquals(IMPLICIT_DENY, decide(p, base.with("aws:PrincipalArn", "arn:aws:iam::" + APP + ":role/app-x")));
    }

    @Test
    void arnLikeAndArnEqualsMatchEachOfTheSixPartsOnItsOwn() {
        var base = PolicyRequest.of("sts:AssumeRole", INVOKER);
        for (String operator : List.of("ArnLike", "ArnEquals")) {
            String p = withCondition(operator, "aws:PrincipalArn", "[\"arn:aws:iam::" + APP + ":role/bedrock-app-*\"]");
            assertEquals(ALLOW, decide(p, base.with("aws:PrincipalArn", CALLER)), operator);
            assertEquals(IMPLICIT_DENY, decide(p, base.with("aws:PrincipalArn",
                    "arn:aws:iam::999999999999:role/bedrock-app-x")), operator);
            assertEquals(IMPLICIT_DENY, decide(p, base.with("aws:PrincipalArn", "not-an-arn")), operator);
        }
        String wildAccount = withCondition("ArnLike", "aws:SourceArn", "\"arn:aws:ec2:*:*:vpc-flow-log/*\"");
        assertEquals(ALLOW, decide(wildAccount, base.with("aws:SourceArn",
                "arn:aws:ec2:us-east-1:111122223333:vpc-flow-log/fl-1")));
        assertEquals(IMPLICIT_DENY, decide(wildAccount, base.with("aws:SourceArn",
                "arn:aws:ec2:us-east-1:111122223333:instance/i-1")));
    }

    @Test
    void everyKeyOfEveryOperatorMustMatch() {
        String p = policy("{\"Effect\":\"Allow\",\"Action\":\"sts:AssumeRole\",\"Resource\":\"*\",\"Condition\":{"
                + "\"StringEquals\":{\"sts:ExternalId\":\"id-1\",\"aws:SourceVpce\":\"vpce-1\"},"
                + "\"ArnLike\":{\"aws:PrincipalArn\":\"arn:aws:iam::" + APP + ":role/bedrock-app-*\"}}}");
        var all = PolicyRequest.of("sts:AssumeRole", INVOKER).with("sts:ExternalId", "id-1")
                .with("aws:SourceVpce", "vpce-1").with("aws:PrincipalArn", CALLER);
        assertEquals(ALLOW, decide(p, all));
        assertEquals(IMPLICIT_DENY, decide(p, all.with("aws:SourceVpce", "vpce-2")));
        assertEquals(IMPLICIT_DENY, decide(p, all.with("aws:PrincipalArn", INVOKER)));
    }

    @Test
    void stringNotEqualsHoldsForOtherValuesAndWhenTheKeyIsAbsent() {
        String p = withCondition("StringNotEquals", "aws:SourceVpce", "[\"vpce-1\",\"vpce-2\"]");
        var request = PolicyRequest.of("sts:AssumeRole", INVOKER);
        assertEquals(ALLOW, decide(p, request), "a request through no endpoint has no aws:SourceVpce");
        assertEquals(ALLOW, decide(p, request.with("aws:SourceVpce", "vpce-3")));
        assertEquals(IMPLICIT_DENY, decide(p, request.with("aws:SourceVpce", "vpce-1")));
        assertEquals(IMPLICIT_DENY, decide(p, request.with("aws:SourceVpce", "vpce-2")));
    }

    @Test
    void theNotebookUserPolicyOpensTheNotebookThroughItsTwoEndpointsAndDeniesEveryOtherWay() {
        String notebook = "arn:aws:sagemaker:us-east-1:" + APP + ":notebook-instance/app-use1-bedrock-sample";
        String p = NotebookAccessPolicies.notebookUsers(notebook, "vpce-api", "vpce-nb").toJson();
        var url = PolicyRequest.of(NotebookAccessPolicies.PRESIGNED_URL, notebook);
        assertEquals(ALLOW, decide(p, url.with("aws:SourceVpce", "vpce-api")));
        assertEquals(ALLOW, decide(p, url.with("aws:SourceVpce", "vpce-nb")));
        assertEquals(EXPLICIT_DENY, decide(p, url), "the public SageMaker endpoint");
        assertEquals(EXPLICIT_DENY, decide(p, url.with("aws:SourceVpce", "vpce-elsewhere")));
        assertEquals(ALLOW, decide(p, PolicyRequest.of(NotebookAccessPolicies.DESCRIBE, notebook)
                .with("aws:SourceVpce", "vpce-api")));
        assertEquals(IMPLICIT_DENY, decide(p, PolicyRequest.of(NotebookAccessPolicies.PRESIGNED_URL,
                notebook + "-other").with("aws:SourceVpce", "vpce-api")));
    }

    @Test
    void anOperatorItCannotJudgeIsRefusedEvenWhenTheKeyIsAbsent() {
        String p = withCondition("NumericLessThan", "aws:MultiFactorAuthAge", "\"3600\"");
        assertThrows(IllegalArgumentException.class, () -> decide(p, PolicyRequest.of("sts:AssumeRole", INVOKER)));
    }

    @Test
    void theInvokerTrustAdmitsPrefixedAppRolesWithTheExternalIdThroughTheNamedEndpointOnly() {
        String trust = InvokerRolePolicies.trust(APP, "bedrock-app-", "ext-1", List.of("vpce-sts")).toJson();
        var request = PolicyRequest.of("sts:AssumeRole", INVOKER).by(CALLER).with("aws:PrincipalArn", CALLER)
                .with("sts:ExternalId", "ext-1").with("aws:SourceVpce", "vpce-sts");
        assertEquals(ALLOW, decide(trust, request));
        assertEquals(IMPLICIT_DENY, decide(trust, request.with("sts:ExternalId", "ext-2")));
        assertEquals(IMPLICIT_DENY, decide(trust, request.with("aws:SourceVpce", "vpce-other")));
        String unprefixed = "arn:aws:iam::" + APP + ":role/app-use1-app-invoker";
        assertEquals(IMPLICIT_DENY, decide(trust, request.by(unprefixed).with("aws:PrincipalArn", unprefixed)));
    }

    @Test
    void theEndpointPoliciesPassTheirOnePrincipalActionAndResource() {
        String sts = StsEndpointPolicy.of(APP, INVOKER).toJson();
        assertEquals(ALLOW, decide(sts, PolicyRequest.of("sts:AssumeRole", INVOKER).by(CALLER)));
        assertEquals(IMPLICIT_DENY, decide(sts, PolicyRequest.of("sts:AssumeRole", INVOKER + "-other").by(CALLER)));

        String lambda = LambdaEndpointPolicy.of(INVOKER, FUNCTION).toJson();
        assertEquals(ALLOW, decide(lambda, PolicyRequest.of("lambda:InvokeFunction", FUNCTION).by(INVOKER)));
        assertEquals(IMPLICIT_DENY, decide(lambda, PolicyRequest.of("lambda:InvokeFunction", FUNCTION).by(CALLER)));

        String model = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
        String role = "arn:aws:iam::444455556666:role/ml-use1-ml-stream";
        String bedrock = BedrockEndpointPolicy.of(role, List.of(model)).toJson();
        assertEquals(ALLOW, decide(bedrock, PolicyRequest.of("bedrock:InvokeModelWithResponseStream", model).by(role)));
        assertEquals(IMPLICIT_DENY, decide(bedrock, PolicyRequest.of("bedrock:InvokeModelWithResponseStream",
                "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-pro-v1:0").by(role)));
    }

    @Test
    void theMlFunctionRoleStreamsItsModelsThroughItsEndpointOnly() {
        String model = "arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-lite-v1:0";
        String p = MlFunctionRolePolicy.of("arn:aws:logs:us-east-1:444455556666:log-group:/aws/lambda/f",
                List.of(model), "vpce-bedrock").toJson();
        var request = PolicyRequest.of("bedrock:InvokeModelWithResponseStream", model);
        assertEquals(ALLOW, decide(p, request.with("aws:SourceVpce", "vpce-bedrock")));
        assertEquals(IMPLICIT_DENY, decide(p, request.with("aws:SourceVpce", "vpce-other")));
        assertEquals(IMPLICIT_DENY, decide(p, request));
    }
}
