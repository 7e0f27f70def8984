package com.example.bedrockstream.identity;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.aws.iam.Role;
import com.pulumi.aws.iam.RoleArgs;
import com.pulumi.aws.iam.RolePolicy;
import com.pulumi.aws.iam.RolePolicyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** An IAM role trusted by one AWS service, whose permissions are inline policies granted one by one. */
public final class ServiceRole extends ComponentResource {
    private final String name;
    private final Role role;
    private final List<Resource> grants = new ArrayList<>();

    public ServiceRole(String name, ServiceRoleArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("identity", ServiceRole.class), name, options);
        this.name = name;
        this.role = new Role(name, RoleArgs.builder()
                .name(args.roleName())
                .description(args.description())
                .assumeRolePolicy(args.trust().toJson())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("arn", role.arn()));
    }

    /** Adds an inline policy; resources that need the permission in place should depend on {@link #grants()}. */
    public ServiceRole grant(String policyName, Output<PolicyDocument> policy) {
        grants.add(new RolePolicy(name + "-" + policyName, RolePolicyArgs.builder()
                .name(policyName)
                .role(role.name())
                .policy(policy.applyValue(PolicyDocument::toJson))
                .build(), CustomResourceOptions.builder().parent(this).build()));
        return this;
    }

    public List<Resource> grants() {
        return List.copyOf(grants);
    }

    public Output<String> arn() {
        return role.arn();
    }
}
