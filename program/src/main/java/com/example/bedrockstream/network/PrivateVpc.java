package com.example.bedrockstream.network;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.policy.FlowLogsPolicies;
import com.pulumi.aws.ec2.DefaultSecurityGroup;
import com.pulumi.aws.ec2.DefaultSecurityGroupArgs;
import com.pulumi.aws.ec2.FlowLog;
import com.pulumi.aws.ec2.FlowLogArgs;
import com.pulumi.aws.ec2.RouteTable;
import com.pulumi.aws.ec2.RouteTableArgs;
import com.pulumi.aws.ec2.RouteTableAssociation;
import com.pulumi.aws.ec2.RouteTableAssociationArgs;
import com.pulumi.aws.ec2.Subnet;
import com.pulumi.aws.ec2.SubnetArgs;
import com.pulumi.aws.ec2.Vpc;
import com.pulumi.aws.ec2.VpcArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A VPC with only private subnets: no internet or NAT gateway, no public IPs, a default security group stripped
 * of rules, and flow logs of all traffic to an encrypted log group.
 */
public final class PrivateVpc extends ComponentResource {
    private final Output<String> vpcId;
    private final Output<List<String>> subnetIds;
    private final Output<String> routeTableId;
    private final String cidr;

    public PrivateVpc(String name, PrivateVpcArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("network", PrivateVpc.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        this.cidr = args.cidr().toString();

        var vpc = new Vpc(name, VpcArgs.builder()
                .cidrBlock(cidr)
                .enableDnsSupport(true)
                .enableDnsHostnames(true)
                .tags(Map.of("Name", name))
                .build(), child);
        this.vpcId = vpc.id();

        // Taking over the default security group with no rules leaves nothing open by accident.
        new DefaultSecurityGroup(name + "-default-sg", DefaultSecurityGroupArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", name + "-default-no-rules"))
                .build(), child);

        var routeTable = new RouteTable(name + "-private", RouteTableArgs.builder()
                .vpcId(vpc.id())
                .tags(Map.of("Name", name + "-private"))
                .build(), child);
        this.routeTableId = routeTable.id();

        var zones = args.availabilityZones();
        var blocks = args.cidr().subnets(zones.size());
        var ids = new ArrayList<Output<String>>();
        for (int i = 0; i < zones.size(); i++) {
            String zone = zones.get(i);
            var subnet = new Subnet(name + "-private-" + zone, SubnetArgs.builder()
                    .vpcId(vpc.id())
                    .availabilityZone(zone)
                    .cidrBlock(blocks.get(i))
                    .mapPublicIpOnLaunch(false)
                    .tags(Map.of("Name", name + "-private-" + zone))
                    .build(), CustomResourceOptions.builder().parent(this)
                    .customTimeouts(LingeringInterfaces.deleteTimeouts()).build());
            new RouteTableAssociation(name + "-private-" + zone, RouteTableAssociationArgs.builder()
                    .subnetId(subnet.id())
                    .routeTableId(routeTable.id())
                    .build(), child);
            ids.add(subnet.id());
        }
        this.subnetIds = Output.all(ids);

        String logGroupName = "/vpc/flow-logs/" + name;
        var logGroup = EncryptedLogGroup.create(name + "-flow-logs", logGroupName, args.scope().logs().retentionDays(),
                args.scope().logs().keyArn(), this);
        var deliveryRole = new ServiceRole(name + "-flow-logs", new ServiceRoleArgs(name + "-flow-logs",
                FlowLogsPolicies.trust(args.scope().accountId(), args.scope().region()), "Delivers flow logs of " + name),
                ComponentResourceOptions.builder().parent(this).build());
        deliveryRole.grant("deliver-flow-logs", logGroup.arn().applyValue(FlowLogsPolicies::deliverTo));
        new FlowLog(name, FlowLogArgs.builder()
                .vpcId(vpc.id())
                .trafficType("ALL")
                .logDestinationType("cloud-watch-logs")
                .logDestination(logGroup.arn())
                .iamRoleArn(deliveryRole.arn())
                .maxAggregationInterval(60)
                .tags(Map.of("Name", name))
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(deliveryRole.grants()).build());

        registerOutputs(Map.of("vpcId", vpcId, "subnetIds", subnetIds, "routeTableId", routeTableId));
    }

    public Output<String> vpcId() {
        return vpcId;
    }

    public Output<List<String>> subnetIds() {
        return subnetIds;
    }

    public Output<String> routeTableId() {
        return routeTableId;
    }

    public String cidr() {
        return cidr;
    }
}
