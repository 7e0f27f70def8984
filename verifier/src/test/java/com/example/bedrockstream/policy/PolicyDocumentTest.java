package com.example.bedrockstream.policy;

import com.example.bedrockstream.Policies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PolicyDocumentTest {

    @Test
    void rendersStatementsAsIamJson() {
        var json = PolicyDocument.of(Statement.allow("OnlyThis")
                .principal(Principal.aws("arn:aws:iam::111122223333:role/a"))
                .actions("sts:AssumeRole")
                .resources("arn:aws:iam::444455556666:role/b")
                .condition("StringEquals", "sts:ExternalId", "x-\"quoted\"<>")
                .condition("StringEquals", "aws:SourceVpce", "vpce-1", "vpce-2")
                .build()).toJson();
        var s = Policies.statement(json, "OnlyThis");
        assertEquals("Allow", s.effect());
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::111122223333:role/a")), s.principal());
        assertEquals(List.of("sts:AssumeRole"), s.actions());
        assertEquals(List.of("arn:aws:iam::444455556666:role/b"), s.resources());
        assertEquals(List.of("x-\"quoted\"<>"), s.condition("StringEquals", "sts:ExternalId"));
        assertEquals(List.of("vpce-1", "vpce-2"), s.condition("StringEquals", "aws:SourceVpce"));
        assertTrue(json.contains("<>"), "no HTML escaping of values");
    }

    @Test
    void knowsItsSizeAsIamAndTheEndpointQuotaCountIt() {
        var policy = PolicyDocument.of(Statement.allow("Spaced")
                .actions("sts:AssumeRole")
                .resources("arn:aws:iam::444455556666:role/b")
                .condition("StringEquals", "aws:PrincipalTag/team", "data science")
                .build());
        String json = policy.toJson();
        assertEquals(json.length(), policy.length());
        assertEquals(json.length() - 1, policy.iamSize(), "IAM does not count the space inside the value");
    }

    @Test
    void sizeChecksNameTheDocumentItsSizeAndTheLimit() {
        var resources = new java.util.ArrayList<String>();
        for (int i = 0; resources.stream().mapToInt(String::length).sum() < 11_000; i++) {
            resources.add("arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-model-" + i + "-v1:0");
        }
        var big = PolicyDocument.of(Statement.allow("Big").actions("bedrock:InvokeModel").resources(resources).build());
        assertEquals(java.util.Optional.of("the ML role's policy would be " + big.iamSize()
                        + " characters, over the limit of 10240 (all inline policies of one role together, whitespace not counted)"),
                PolicySizes.inlinePolicies("the ML role's policy", List.of(big.toJson())));
        assertEquals(java.util.Optional.empty(), PolicySizes.endpointPolicy("the endpoint policy", big.toJson()));
        assertTrue(PolicySizes.trustPolicy("the trust policy", big.toJson()).orElseThrow().contains("over the limit of 2048"));
    }

    @Test
    void refusesWildcardActionsPrincipalsAndUnnamedResources() {
        assertThrows(IllegalArgumentException.class, () -> Statement.allow("A").actions("*"));
        assertThrows(IllegalArgumentException.class, () -> Statement.allow("A").actions("bedrock:*"));
        assertThrows(IllegalArgumentException.class, () -> Principal.aws("*"));
        assertThrows(IllegalArgumentException.class, () -> Statement.allow("A").resources("*"));
        assertThrows(IllegalStateException.class, () -> Statement.allow("A").actions("s3:GetObject").build(),
                "a statement names a resource or a principal");
        assertThrows(IllegalStateException.class, () -> Statement.allow("A").resources("arn:aws:s3:::b").build(),
                "a statement names an action");
        assertThrows(IllegalArgumentException.class, () -> new PolicyDocument(List.of()));
    }

    @Test
    void anyResourceIsOnlyEverSaidOnPurpose() {
        var json = PolicyDocument.of(CommonStatements.lambdaVpcNetworking()).toJson();
        assertEquals(List.of("*"), Policies.statement(json, "ManageVpcNetworkInterfaces").resources());
    }

    @Test
    void stsEndpointPolicyAllowsOnlyAssumingTheInvokerRoleForThisAccount() {
        var json = StsEndpointPolicy.of("111122223333", "arn:aws:iam::444455556666:role/ml-use1-bedrock-invoker").toJson();
        var statements = Policies.parse(json);
        assertEquals(2, statements.size());
        var assume = Policies.statement(json, "AssumeMlInvokerRole");
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::111122223333:root")), assume.principal());
        assertEquals(List.of("sts:AssumeRole"), assume.actions());
        assertEquals(List.of("arn:aws:iam::444455556666:role/ml-use1-bedrock-invoker"), assume.resources());
        var diagnose = Policies.statement(json, "DiagnoseCallerIdentity");
        assertEquals(List.of("sts:GetCallerIdentity"), diagnose.actions());
    }
}
