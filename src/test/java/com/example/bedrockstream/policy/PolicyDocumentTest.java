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
