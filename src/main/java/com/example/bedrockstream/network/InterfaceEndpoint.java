package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.aws.ec2.VpcEndpoint;
import com.pulumi.aws.ec2.VpcEndpointArgs;
import com.pulumi.aws.ec2.outputs.VpcEndpointDnsEntry;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/** An interface VPC endpoint in the private subnets, behind an endpoint security group, with a scoped policy. */
public final class InterfaceEndpoint extends ComponentResource {
    private final VpcEndpoint endpoint;

    public InterfaceEndpoint(String name, InterfaceEndpointArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", InterfaceEndpoint.class), name, options);
        this.endpoint = new VpcEndpoint(name, VpcEndpointArgs.builder()
                .vpcId(args.vpcId())
                .serviceName(args.serviceName())
                .vpcEndpointType("Interface")
                .privateDnsEnabled(args.privateDns())
                .subnetIds(args.subnetIds())
                .securityGroupIds(args.securityGroup().id().applyValue(List::of))
                .policy(args.policy().applyValue(PolicyDocument::toJson))
                .tags(Map.of("Name", name))
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("endpointId", endpoint.id()));
    }

    public Output<String> endpointId() {
        return endpoint.id();
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
