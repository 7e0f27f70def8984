package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupEgressRule;
import com.pulumi.aws.vpc.SecurityGroupEgressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;
import java.util.function.Consumer;

/** The security group of something that calls endpoints (a function, a notebook): HTTPS out to them, nothing else. */
public final class ClientSecurityGroup extends ComponentResource {
    private final SecurityGroup group;

    public ClientSecurityGroup(String name, ClientSecurityGroupArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", ClientSecurityGroup.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.group = new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description(args.purpose() + ": HTTPS to its endpoints only")
                .tags(Map.of("Name", name))
                .build(), CustomResourceOptions.builder().parent(this)
                .customTimeouts(LingeringInterfaces.deleteTimeouts()).build());
        args.httpsTargets().securityGroups().forEach((target, groupId) ->
                httpsTo(name, target, rule -> rule.referencedSecurityGroupId(groupId), child));
        args.httpsTargets().cidrs().forEach((target, cidr) -> httpsTo(name, target, rule -> rule.cidrIpv4(cidr), child));
        registerOutputs(Map.of("id", group.id()));
    }

    private void httpsTo(String name, String target, Consumer<SecurityGroupEgressRuleArgs.Builder> destination,
                         CustomResourceOptions options) {
        var rule = SecurityGroupEgressRuleArgs.builder()
                .securityGroupId(group.id())
                .description("HTTPS to " + target)
                .ipProtocol("tcp")
                .fromPort(EndpointSecurityGroup.HTTPS)
                .toPort(EndpointSecurityGroup.HTTPS);
        destination.accept(rule);
        new SecurityGroupEgressRule(name + "-https-to-" + target, rule.build(), options);
    }

    public Output<String> id() {
        return group.id();
    }
}
