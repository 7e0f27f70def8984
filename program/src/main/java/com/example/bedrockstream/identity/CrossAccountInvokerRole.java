package com.example.bedrockstream.identity;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.policy.InvokerRolePolicies;
import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/** The role application-account callers assume (with the external id) to invoke the ML function, and only that. */
public final class CrossAccountInvokerRole extends ComponentResource {
    private final Output<String> arn;

    public CrossAccountInvokerRole(String name, CrossAccountInvokerRoleArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("identity", CrossAccountInvokerRole.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var role = new Role(name, RoleArgs.builder()
                .name(args.roleName())
                .description("Assumed from the application account to invoke the streaming ML function")
                .maxSessionDuration(args.maxSessionSeconds())
                .assumeRolePolicy(args.externalId().applyValue(externalId -> InvokerRolePolicies.trust(
                        args.appAccountId(), args.principalPrefix(), externalId, args.stsEndpointIds()).toJson()))
                .build(), child);
        new RolePolicy(name + "-invoke", RolePolicyArgs.builder()
                .name("invoke-ml-function")
                .role(role.name())
                .policy(args.mlFunctionArn().applyValue(arn -> InvokerRolePolicies.permissions(arn))
                        .applyValue(PolicyDocument::toJson))
                .build(), child);
        this.arn = role.arn();
        registerOutputs(Map.of("arn", arn));
    }

    public Output<String> arn() {
        return arn;
    }
}
