package com.example.bedrockstream.offline.standin;

import java.util.Map;
import java.util.Set;

/**
 * The properties AWS cannot change in place: changing one replaces the resource (the AWS provider's "ForceNew"
 * arguments), for the types the program creates.
 */
final class Replacements {
    /** A resource's name is its identity in AWS, whatever the type. */
    private static final Set<String> NAMES = Set.of("name", "namePrefix", "bucket", "bucketPrefix", "functionName",
            "policyName", "dashboardName", "alarmName");

    private static final Map<String, Set<String>> BY_TYPE = Map.ofEntries(
            Map.entry("aws:ec2/vpc:Vpc", Set.of("cidrBlock", "instanceTenancy")),
            Map.entry("aws:ec2/subnet:Subnet", Set.of("vpcId", "cidrBlock", "availabilityZone", "availabilityZoneId")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", Set.of("vpcId", "description")),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", Set.of("vpcId")),
            Map.entry("aws:ec2/securityGroupRule:SecurityGroupRule", Set.of("securityGroupId", "type", "fromPort",
                    "toPort", "protocol", "cidrBlocks", "ipv6CidrBlocks", "prefixListIds", "sourceSecurityGroupId", "self")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", Set.of("securityGroupId")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", Set.of("securityGroupId")),
            Map.entry("aws:ec2/routeTable:RouteTable", Set.of("vpcId")),
            Map.entry("aws:ec2/route:Route", Set.of("routeTableId", "destinationCidrBlock",
                    "destinationIpv6CidrBlock", "destinationPrefixListId")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", Set.of("subnetId", "gatewayId")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", Set.of("vpcId", "serviceName", "vpcEndpointType")),
            Map.entry("aws:ec2/flowLog:FlowLog", Set.of("vpcId", "subnetId", "eniId", "transitGatewayId",
                    "trafficType", "logDestination", "logDestinationType", "iamRoleArn", "maxAggregationInterval",
                    "logFormat", "destinationOptions", "deliverCrossAccountRole")),
            Map.entry("aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", Set.of("vpcId")),
            Map.entry("aws:ec2/natGateway:NatGateway", Set.of("subnetId", "allocationId", "connectivityType")),
            Map.entry("aws:ec2/eipAssociation:EipAssociation", Set.of("allocationId", "instanceId",
                    "networkInterfaceId", "privateIpAddress", "publicIp")),
            Map.entry("aws:ec2transitgateway/transitGateway:TransitGateway", Set.of("amazonSideAsn")),
            Map.entry("aws:ec2transitgateway/routeTable:RouteTable", Set.of("transitGatewayId")),
            Map.entry("aws:ec2transitgateway/vpcAttachment:VpcAttachment", Set.of("transitGatewayId", "vpcId")),
            Map.entry("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", Set.of("transitGatewayId",
                    "peerAccountId", "peerRegion", "peerTransitGatewayId")),
            Map.entry("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter",
                    Set.of("transitGatewayAttachmentId")),
            Map.entry("aws:ec2transitgateway/route:Route", Set.of("destinationCidrBlock",
                    "transitGatewayRouteTableId", "transitGatewayAttachmentId", "blackhole")),
            Map.entry("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation",
                    Set.of("transitGatewayAttachmentId", "transitGatewayRouteTableId")),
            Map.entry("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation",
                    Set.of("transitGatewayAttachmentId", "transitGatewayRouteTableId")),
            Map.entry("aws:iam/role:Role", Set.of("path")),
            Map.entry("aws:iam/policy:Policy", Set.of("path", "description")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", Set.of("role")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", Set.of("role", "policyArn")),
            Map.entry("aws:kms/key:Key", Set.of("customerMasterKeySpec", "keySpec", "keyUsage", "multiRegion",
                    "customKeyStoreId", "xksKeyId")),
            Map.entry("aws:lambda/permission:Permission", Set.of("action", "function", "principal", "sourceArn",
                    "sourceAccount", "statementId", "statementIdPrefix", "qualifier", "eventSourceToken",
                    "principalOrgId", "functionUrlAuthType")),
            Map.entry("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", Set.of("qualifier")),
            Map.entry("aws:cloudwatch/logGroup:LogGroup", Set.of("logGroupClass")),
            Map.entry("aws:route53/zone:Zone", Set.of("delegationSetId")),
            Map.entry("aws:route53/record:Record", Set.of("zoneId", "setIdentifier")),
            Map.entry("aws:route53/zoneAssociation:ZoneAssociation", Set.of("zoneId", "vpcId", "vpcRegion")),
            Map.entry("aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig", Set.of("destinationArn")),
            Map.entry("aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation",
                    Set.of("resolverQueryLogConfigId", "resourceId")),
            Map.entry("aws:s3/bucketV2:BucketV2", Set.of("objectLockEnabled")),
            Map.entry("aws:s3/bucket:Bucket", Set.of("objectLockEnabled")),
            Map.entry("aws:sagemaker/notebookInstance:NotebookInstance", Set.of("subnetId", "securityGroups",
                    "kmsKeyId", "directInternetAccess", "platformIdentifier")),
            Map.entry("aws:sns/topic:Topic", Set.of("fifoTopic")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", Set.of("arn")),
            Map.entry("aws:sns/topicSubscription:TopicSubscription", Set.of("topic", "protocol", "endpoint")),
            Map.entry("aws:scheduler/schedule:Schedule", Set.of("groupName")));

    private Replacements() {
    }

    static boolean replaces(String type, String property) {
        return NAMES.contains(property) || BY_TYPE.getOrDefault(type, Set.of()).contains(property);
    }
}
