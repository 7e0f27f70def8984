package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.pulumi.aws.route53.Record;
import com.pulumi.aws.route53.RecordArgs;
import com.pulumi.aws.route53.Zone;
import com.pulumi.aws.route53.ZoneArgs;
import com.pulumi.aws.route53.inputs.RecordAliasArgs;
import com.pulumi.aws.route53.inputs.ZoneVpcArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/**
 * A private hosted zone named after a regional AWS service whose apex aliases an interface endpoint, so the
 * ordinary service name resolves to the endpoint in every VPC associated with the zone.
 */
public final class PrivateServiceZone extends ComponentResource {
    private final Zone zone;
    private final String zoneName;

    public PrivateServiceZone(String name, PrivateServiceZoneArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", PrivateServiceZone.class), name, options);
        this.zoneName = args.zoneName();
        // Spokes associate their VPCs with separate ZoneAssociation resources; ignoring "vpcs" keeps a hub update
        // from removing them.
        this.zone = new Zone(name, ZoneArgs.builder()
                .name(args.zoneName())
                .comment("Resolves " + args.zoneName() + " to the hub's interface endpoint")
                .vpcs(ZoneVpcArgs.builder().vpcId(args.vpcId()).vpcRegion(args.endpoint().region()).build())
                .build(), CustomResourceOptions.builder().parent(this).ignoreChanges(List.of("vpcs")).build());
        new Record(name + "-apex", RecordArgs.builder()
                .zoneId(zone.zoneId())
                .name(args.zoneName())
                .type("A")
                .aliases(RecordAliasArgs.builder()
                        .name(args.endpoint().regionalDnsName())
                        .zoneId(args.endpoint().regionalDnsZoneId())
                        .evaluateTargetHealth(false)
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).build());
        registerOutputs(Map.of("zoneId", zone.zoneId()));
    }

    public Output<String> zoneId() {
        return zone.zoneId();
    }

    public String zoneName() {
        return zoneName;
    }
}
