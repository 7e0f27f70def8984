package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.aws.ec2.SecurityGroup;
import com.pulumi.aws.ec2.SecurityGroupArgs;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.outputs.VpcEndpointDnsEntry;
import com.pulumi.aws.vpc.SecurityGroupIngressRule;
import com.pulumi.aws.vpc.SecurityGroupIngressRuleArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/** An interface VPC endpoint with its own security group (TCP 443 from named sources only) and a scoped policy. */
public final class InterfaceEndpoint extends ComponentResource {
    private static final int HTTPS = 443;

    private final String name;
    private final SecurityGroup securityGroup;
    private final VpcEndpoint endpoint;

    public InterfaceEndpoint(String name, InterfaceEndpointArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", InterfaceEndpoint.class), name, options);
        this.name = name;
        var child = CustomResourceOptions.builder().parent(this).build();
        // No inline rules: the provider then also removes AWS's default allow-all egress rule.
        this.securityGroup = new SecurityGroup(name + "-endpoint", SecurityGroupArgs.builder()
                .vpcId(args.vpcId())
                .description("HTTPS to " + args.serviceName() + " from named sources only")
                .tags(Map.of("Name", name + "-endpoint"))
                .build(), child);
        for (int i = 0; i < args.allowedCidrs().size(); i++) {
            String cidr = args.allowedCidrs().get(i);
            new SecurityGroupIngressRule(name + "-https-from-cidr-" + i, SecurityGroupIngressRuleArgs.builder()
                    .securityGroupId(securityGroup.id())
                    .description("HTTPS from " + cidr)
                    .ipProtocol("tcp")
                    .fromPort(HTTPS)
                    .toPort(HTTPS)
                    .cidrIpv4(cidr)
                    .build(), child);
        }
        this.endpoint = new VpcEndpoint(name, VpcEndpointArgs.builder()
                .vpcId(args.vpcId())
                .serviceName(args.serviceName())
                .vpcEndpointType("Interface")
                .privateDnsEnabled(args.privateDns())
                .subnetIds(args.subnetIds())
                .securityGroupIds(securityGroup.id().applyValue(List::of))
                .policy(args.policy().applyValue(PolicyDocument::toJson))
                .tags(Map.of("Name", name))
                .build(), child);
        registerOutputs(Map.of("endpointId", endpoint.id(), "securityGroupId", securityGroup.id()));
    }

    /** Admits TCP 443 from a security group in the same VPC. */
    public InterfaceEndpoint admit(String sourceName, Output<String> sourceSecurityGroupId) {
        new SecurityGroupIngressRule(name + "-https-from-" + sourceName, SecurityGroupIngressRuleArgs.builder()
                .securityGroupId(securityGroup.id())
                .description("HTTPS from " + sourceName)
                .ipProtocol("tcp")
                .fromPort(HTTPS)
                .toPort(HTTPS)
                .referencedSecurityGroupId(sourceSecurityGroupId)
                .build(), CustomResourceOptions.builder().parent(this).build());
        return this;
    }

    public Output<String> endpointId() {
        return endpoint.id();
    }

    public Output<String> securityGroupId() {
        return securityGroup.id();
    }

    /** The endpoint's regional DNS name (the first entry), the target of a private zone's alias. */
    public Output<String> regionalDnsName() {
        return endpoint.dnsEntries().applyValue(entries -> first(entries).dnsName().orElseThrow());
    }

    public Output<String> regionalDnsZoneId() {
        return endpoint.dnsEntries().applyValue(entries -> first(entries).hostedZoneId().orElseThrow());
    }

    private static VpcEndpointDnsEntry first(List<VpcEndpointDnsEntry> entries) {
        if (entries.isEmpty()) {
            throw new IllegalStateException("an interface endpoint has DNS entries");
        }
        return entries.get(0);
    }
}
