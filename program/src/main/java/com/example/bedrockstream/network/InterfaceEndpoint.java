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
import java.util.regex.Pattern;

/** An interface VPC endpoint in the private subnets, behind an endpoint security group, with a scoped policy. */
public final class InterfaceEndpoint extends ComponentResource {
    private final VpcEndpoint endpoint;
    private final EndpointService service;
    private final String region;

    public InterfaceEndpoint(String name, InterfaceEndpointArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", InterfaceEndpoint.class), name, options);
        this.service = args.service();
        this.region = args.scope().region();
        this.endpoint = new VpcEndpoint(name, VpcEndpointArgs.builder()
                .vpcId(args.vpcId())
                .serviceName(service.serviceName(region))
                .vpcEndpointType("Interface")
                .privateDnsEnabled(service.privateDns())
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

    /** The regional name clients call to reach this endpoint's service, e.g. sts.us-east-1.amazonaws.com. */
    public String serviceHostName() {
        return service.hostName(region);
    }

    public EndpointService service() {
        return service;
    }

    public String region() {
        return region;
    }

    /** The endpoint's regional DNS name, the target of a private zone's alias. */
    public Output<String> regionalDnsName() {
        return endpoint.dnsEntries().applyValue(entries -> regionalEntry(entries).dnsName().orElseThrow());
    }

    public Output<String> regionalDnsZoneId() {
        return endpoint.dnsEntries().applyValue(entries -> regionalEntry(entries).hostedZoneId().orElseThrow());
    }

    /**
     * The first label of the regional name: {@code vpce-<id>-<suffix>}, as in
     * {@code vpce-0abc-1234.sts.us-east-1.vpce.amazonaws.com}. Zonal names carry the zone after the suffix
     * ({@code vpce-0abc-1234-us-east-1a.sts...}) and the private DNS name is the service's own.
     */
    private static final Pattern REGIONAL_LABEL = Pattern.compile("vpce-[0-9a-z]+-[0-9a-z]+");

    /** AWS does not document the order of an endpoint's DNS entries, so the regional one is found by its shape. */
    static VpcEndpointDnsEntry regionalEntry(List<VpcEndpointDnsEntry> entries) {
        var regional = entries.stream()
                .filter(e -> e.dnsName().filter(n -> REGIONAL_LABEL.matcher(n.substring(0, Math.max(0, n.indexOf('.'))))
                        .matches()).isPresent())
                .toList();
        if (regional.size() != 1) {
            throw new IllegalStateException("an interface endpoint has exactly one regional DNS entry, found "
                    + regional.size() + " among " + entries.stream().map(e -> e.dnsName().orElse("?")).toList());
        }
        return regional.get(0);
    }
}
