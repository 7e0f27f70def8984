package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * The security group in front of interface endpoints: TCP 443 in from named CIDRs and security groups, nothing
 * else in, nothing out (endpoint replies are stateful).
 */
public final class EndpointSecurityGroup extends ComponentResource {
    static final int HTTPS = 443;

    private final String name;
    private final SecurityGroup group;

    public EndpointSecurityGroup(String name, EndpointSecurityGroupArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", EndpointSecurityGroup.class), name, options);
        this.name = name;
        // No inline rules: the provider then also removes AWS's default allow-all egress rule.
        this.group = new SecurityGroup(name, SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("HTTPS to " + args.purpose() + " from named sources only")
                .tags(Map.of("Name", name))
                .build(), CustomResourceOptions.builder().parent(this).build());
        for (int i = 0; i < args.allowedCidrs().size(); i++) {
            admit("cidr-" + i, args.allowedCidrs().get(i));
        }
        registerOutputs(Map.of("id", group.id()));
    }

    /** Admits TCP 443 from an address block (how spokes are admitted: SG references do not cross TGW peering). */
    public EndpointSecurityGroup admit(String sourceName, String cidr) {
        return rule(sourceName, SecurityGroupIngressRuleArgs.builder().description("HTTPS from " + cidr).cidrIpv4(cidr));
    }

    /** Admits TCP 443 from a security group in the same VPC. */
    public EndpointSecurityGroup admit(String sourceName, Output<String> sourceSecurityGroupId) {
        return rule(sourceName, SecurityGroupIngressRuleArgs.builder()
                .description("HTTPS from " + sourceName)
                .referencedSecurityGroupId(sourceSecurityGroupId));
    }

    private EndpointSecurityGroup rule(String sourceName, SecurityGroupIngressRuleArgs.Builder rule) {
        new SecurityGroupIngressRule(name + "-https-from-" + sourceName, rule
                .securityGroupId(group.id())
                .ipProtocol("tcp")
                .fromPort(HTTPS)
                .toPort(HTTPS)
                .build(), CustomResourceOptions.builder().parent(this).build());
        return this;
    }

    public Output<String> id() {
        return group.id();
    }
}
