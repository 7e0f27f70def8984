package com.example.bedrockstream.deployroles;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.policy.PolicyDocument;
import com.example.bedrockstream.policy.PolicySizes;
import com.example.bedrockstream.policy.Statement;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DeployRolesTest {
    static final String APP_ACCOUNT = "111122223333";
    static List<OfflineRun> plans;
    static PolicyDocument app;
    static PolicyDocument ml;

    @BeforeAll
    static void plan() {
        plans = DeployRoles.plans(Stacks.files());
        ml = DeployerPolicy.of("444455556666", plans.stream().filter(r -> r.stack().startsWith("ml-")).toList());
        app = DeployerPolicy.of(APP_ACCOUNT, plans.stream().filter(r -> r.stack().startsWith("app-")).toList());
    }

    static Statement statement(PolicyDocument policy, String sid) {
        return policy.statements().stream().filter(s -> s.sid().equals(sid)).findFirst().orElseThrow();
    }

    @Test
    void theCommittedDocumentsAreTheGeneratedOnes() throws Exception {
        for (var document : DeployRoles.documents(Stacks.files()).entrySet()) {
            assertEquals(document.getValue(), Files.readString(DeployRoles.DIRECTORY.resolve(document.getKey())),
                    document.getKey() + " is stale: ./mvnw -q -DskipTests compile exec:java@deploy-roles");
        }
    }

    @Test
    void everyTypeInEveryPlanHasItsProviderActions() {
        var missing = plans.stream().flatMap(r -> r.resources().stream()).map(MockResource::type)
                .filter(t -> t.startsWith("aws:") || t.startsWith("pulumi:"))
                .filter(t -> !ProviderActions.ENGINE_ONLY.contains(t) && ProviderActions.of(t).isEmpty())
                .distinct().toList();
        assertEquals(List.of(), missing);
    }

    @Test
    void aPlanWithATypeTheTableLacksCannotMakeAPolicy() {
        var run = plans.get(0);
        var resources = new ArrayList<>(run.resources());
        resources.add(new MockResource("aws:ec2/natGateway:NatGateway", "nat", Map.of(), Map.of(),
                java.util.Optional.empty(), java.util.Optional.empty()));
        var unknown = new OfflineRun(run.stack(), resources, run.outputs(), run.secretOutputs(), run.errors());
        var thrown = assertThrows(IllegalStateException.class, () -> DeployerPolicy.of("444455556666", List.of(unknown)));
        assertEquals("no deployer actions for aws:ec2/natGateway:NatGateway: add the provider's calls for it to"
                + " ProviderActions", thrown.getMessage());
    }

    @Test
    void theApplicationDeployerMayCreateOnlyTheTransitGatewaysServiceLinkedRole() {
        var slr = statement(app, "TransitGatewayServiceLinkedRoleOnly");
        assertEquals(List.of("iam:CreateServiceLinkedRole"), slr.actions());
        assertEquals(List.of("arn:aws:iam::" + APP_ACCOUNT + ":role/aws-service-role/transitgateway.amazonaws.com/"
                + "AWSServiceRoleForVPCTransitGateway"), slr.resources());
        assertEquals("StringEquals", slr.conditions().get(0).operator());
        assertEquals("iam:AWSServiceName", slr.conditions().get(0).key());
        assertEquals(List.of("transitgateway.amazonaws.com"), slr.conditions().get(0).values());
        assertTrue(ml.statements().stream().noneMatch(s -> s.actions().contains("iam:CreateServiceLinkedRole")));
    }

    @Test
    void resolverLogDeliveryAndTheNotebookGetWhatTheyCallAsTheDeployer() {
        var open = statement(app, "ProviderCallsOnResourcesWithoutNames").actions();
        assertTrue(open.containsAll(List.of("logs:DescribeResourcePolicies", "logs:DescribeLogGroups",
                "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
                "kms:CreateGrant", "kms:DescribeKey")), open.toString());
        assertTrue(statement(ml, "ProviderCallsOnResourcesWithoutNames").actions()
                .containsAll(List.of("logs:DescribeResourcePolicies", "logs:DescribeLogGroups")));
    }

    @Test
    void iamAndLambdaAreScopedToTheNamesInThePlans() {
        assertEquals(List.of("arn:aws:lambda:*:" + APP_ACCOUNT + ":function:app-apse1-app-invoker",
                "arn:aws:lambda:*:" + APP_ACCOUNT + ":function:app-use1-app-invoker"),
                statement(app, "TheStacksFunctionsOnly").resources());
        var roles = statement(app, "PassTheStacksRolesOnly").resources();
        assertTrue(roles.contains("arn:aws:iam::" + APP_ACCOUNT + ":role/bedrock-app-app-use1-app-invoker"), roles.toString());
        assertTrue(roles.stream().allMatch(r -> r.startsWith("arn:aws:iam::" + APP_ACCOUNT + ":role/") && !r.contains("*")),
                roles.toString());
        for (var policy : List.of(ml, app)) {
            assertTrue(policy.statements().stream().filter(s -> s.resources().equals(List.of("*")))
                    .flatMap(s -> s.actions().stream()).noneMatch(a -> a.startsWith("iam:") || a.startsWith("lambda:")));
        }
    }

    @Test
    void eachFitsAnInlineRolePolicy() {
        // A managed policy holds 6,144 characters, too few for the application deployer; an inline one 10,240.
        for (var document : DeployRoles.documents(Stacks.files()).entrySet()) {
            int size = PolicySizes.iamCharacters(document.getValue());
            assertTrue(size <= 10_240, document.getKey() + " size " + size);
        }
    }

    @Test
    void verifyMayInvokeTheApplicationLambdasAndTestTheAlarmsByNameOnly() {
        var documents = DeployRoles.documents(Stacks.files());
        String appDocument = documents.get("app-deployer.json");
        String mlDocument = documents.get("ml-deployer.json");
        var streams = Policies.statement(appDocument, "VerifyAfterUpStreams");
        assertEquals(List.of("lambda:InvokeFunction"), streams.actions());
        assertEquals(List.of("arn:aws:lambda:*:" + APP_ACCOUNT + ":function:app-apse1-app-invoker",
                "arn:aws:lambda:*:" + APP_ACCOUNT + ":function:app-use1-app-invoker"), streams.resources());
        assertTrue(Policies.parse(mlDocument).stream().noneMatch(s -> s.actions().contains("lambda:InvokeFunction")),
                "verify streams through the ML function from the application account, never invokes it directly");

        var notifies = Policies.statement(mlDocument, "VerifyAfterUpNotifies");
        assertEquals(List.of("cloudwatch:DescribeAlarms", "cloudwatch:SetAlarmState", "cloudwatch:DescribeAlarmHistory"),
                notifies.actions());
        var mlAlarms = plans.stream().filter(r -> r.stack().startsWith("ml-"))
                .flatMap(r -> r.ofType(AwsTypes.METRIC_ALARM).stream())
                .map(a -> "arn:aws:cloudwatch:*:444455556666:alarm:" + a.string("name")).sorted().toList();
        assertEquals(mlAlarms, notifies.resources());
        // The committed application stacks run no canary, so they have no alarm to test.
        assertTrue(Policies.parse(appDocument).stream().noneMatch(s -> s.sid().equals("VerifyAfterUpNotifies")));
    }
}
