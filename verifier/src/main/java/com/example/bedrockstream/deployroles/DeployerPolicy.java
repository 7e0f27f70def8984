package com.example.bedrockstream.deployroles;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.policy.PolicyDocument;
import com.example.bedrockstream.policy.Statement;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The policy of one account's deploy role (the OIDC role a workflow's stack jobs assume), from the plans of the
 * stacks that account deploys: every action {@link ProviderActions} maps their resource types to. IAM and Lambda
 * are scoped to the exact role, policy and function names the plans hold; the other services' create calls name no
 * resource AWS could scope by (a VPC, key or zone has no name before it exists), so they are granted on "*".
 */
public final class DeployerPolicy {
    /** What the program asks of AWS before it registers anything (Program.offeredZones). */
    static final String ZONES_LOOKUP = "aws:ec2/getVpcEndpointService:getVpcEndpointService";
    static final String TGW_SERVICE = "transitgateway.amazonaws.com";

    private DeployerPolicy() {
    }

    public static PolicyDocument of(String accountId, List<OfflineRun> runs) {
        var actions = new TreeSet<String>();
        var types = new TreeSet<String>();
        runs.forEach(run -> run.resources().stream().map(MockResource::type)
                // The program's own component resources call nothing; every other type is the provider's or the engine's.
                .filter(t -> (t.startsWith("aws:") || t.startsWith("pulumi:")) && !ProviderActions.ENGINE_ONLY.contains(t))
                .forEach(types::add));
        types.add(ZONES_LOOKUP);
        for (String type : types) {
            actions.addAll(ProviderActions.of(type).orElseThrow(() -> new IllegalStateException(
                    "no deployer actions for " + type + ": add the provider's calls for it to ProviderActions")));
        }
        var roles = new TreeSet<String>();
        var policies = new TreeSet<String>();
        var functions = new TreeSet<String>();
        runs.forEach(run -> {
            run.ofType(AwsTypes.ROLE).forEach(r -> roles.add("arn:aws:iam::" + accountId + ":role/" + r.string("name")));
            run.ofType(AwsTypes.POLICY).forEach(p -> policies.add("arn:aws:iam::" + accountId + ":policy/" + p.string("name")));
            run.ofType(AwsTypes.FUNCTION).forEach(f -> functions.add("arn:aws:lambda:*:" + accountId + ":function:"
                    + f.string("name")));
        });

        var statements = new ArrayList<Statement>();
        statements.add(Statement.allow("ProviderCallsOnResourcesWithoutNames")
                .actions(actions.stream().filter(a -> !a.startsWith("iam:") && !a.startsWith("lambda:"))
                        .toArray(String[]::new))
                .anyResource().build());
        var iamActions = actions.stream().filter(a -> a.startsWith("iam:") && !a.equals("iam:PassRole")).toList();
        var iamResources = new ArrayList<String>(roles);
        iamResources.addAll(policies);
        statements.add(Statement.allow("TheStacksRolesAndPoliciesOnly").actions(iamActions.toArray(String[]::new))
                .resources(iamResources).build());
        statements.add(Statement.allow("PassTheStacksRolesOnly").actions("iam:PassRole")
                .resources(List.copyOf(roles)).build());
        statements.add(Statement.allow("TheStacksFunctionsOnly")
                .actions(actions.stream().filter(a -> a.startsWith("lambda:")).toArray(String[]::new))
                .resources(List.copyOf(functions)).build());
        if (types.contains(AwsTypes.TRANSIT_GATEWAY)) {
            // The first VPC attachment creates the gateway's service-linked role as the caller.
            statements.add(Statement.allow("TransitGatewayServiceLinkedRoleOnly").actions("iam:CreateServiceLinkedRole")
                    .resources("arn:aws:iam::" + accountId + ":role/aws-service-role/" + TGW_SERVICE
                            + "/AWSServiceRoleForVPCTransitGateway")
                    .condition("StringEquals", "iam:AWSServiceName", TGW_SERVICE).build());
        }
        return new PolicyDocument(statements);
    }
}
