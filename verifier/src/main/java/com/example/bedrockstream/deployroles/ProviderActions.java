package com.example.bedrockstream.deployroles;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IAM actions the AWS provider calls for each resource type and data source the plans hold: create, read
 * (refresh), update, delete and tag, after the Terraform AWS provider's resources (provider plugin 6.83.0 wraps
 * Terraform AWS provider 5.x). A type the plans hold and this table lacks fails DeployRolesTest, so a new resource
 * cannot ship without its deployer's permissions.
 */
public final class ProviderActions {
    private ProviderActions() {
    }

    private static final Map<String, List<String>> ACTIONS = new TreeMap<>(Map.ofEntries(
            // Network
            Map.entry("aws:ec2/vpc:Vpc", List.of("ec2:CreateVpc", "ec2:DescribeVpcs", "ec2:DescribeVpcAttribute",
                    "ec2:ModifyVpcAttribute", "ec2:DeleteVpc", "ec2:CreateTags", "ec2:DeleteTags",
                    "ec2:DescribeNetworkAcls", "ec2:DescribeRouteTables", "ec2:DescribeSecurityGroups")),
            Map.entry("aws:ec2/subnet:Subnet", List.of("ec2:CreateSubnet", "ec2:DescribeSubnets",
                    "ec2:ModifySubnetAttribute", "ec2:DeleteSubnet", "ec2:DescribeNetworkInterfaces")),
            Map.entry("aws:ec2/routeTable:RouteTable", List.of("ec2:CreateRouteTable", "ec2:DescribeRouteTables",
                    "ec2:DeleteRouteTable")),
            Map.entry("aws:ec2/routeTableAssociation:RouteTableAssociation", List.of("ec2:AssociateRouteTable",
                    "ec2:DescribeRouteTables", "ec2:ReplaceRouteTableAssociation", "ec2:DisassociateRouteTable")),
            Map.entry("aws:ec2/route:Route", List.of("ec2:CreateRoute", "ec2:DescribeRouteTables",
                    "ec2:ReplaceRoute", "ec2:DeleteRoute")),
            Map.entry("aws:ec2/securityGroup:SecurityGroup", List.of("ec2:CreateSecurityGroup",
                    "ec2:DescribeSecurityGroups", "ec2:DeleteSecurityGroup", "ec2:RevokeSecurityGroupEgress",
                    "ec2:RevokeSecurityGroupIngress", "ec2:DescribeNetworkInterfaces")),
            Map.entry("aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", List.of("ec2:DescribeSecurityGroups",
                    "ec2:RevokeSecurityGroupEgress", "ec2:RevokeSecurityGroupIngress")),
            Map.entry("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", List.of(
                    "ec2:AuthorizeSecurityGroupIngress", "ec2:DescribeSecurityGroupRules",
                    "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupIngress")),
            Map.entry("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", List.of(
                    "ec2:AuthorizeSecurityGroupEgress", "ec2:DescribeSecurityGroupRules",
                    "ec2:ModifySecurityGroupRules", "ec2:RevokeSecurityGroupEgress")),
            Map.entry("aws:ec2/flowLog:FlowLog", List.of("ec2:CreateFlowLogs", "ec2:DescribeFlowLogs",
                    "ec2:DeleteFlowLogs", "logs:CreateLogDelivery", "logs:DeleteLogDelivery")),
            Map.entry("aws:ec2/vpcEndpoint:VpcEndpoint", List.of("ec2:CreateVpcEndpoint", "ec2:DescribeVpcEndpoints",
                    "ec2:ModifyVpcEndpoint", "ec2:DeleteVpcEndpoints", "ec2:DescribeVpcEndpointServices",
                    "ec2:DescribePrefixLists", "route53:AssociateVPCWithHostedZone")),
            Map.entry("aws:ec2transitgateway/transitGateway:TransitGateway", List.of("ec2:CreateTransitGateway",
                    "ec2:DescribeTransitGateways", "ec2:ModifyTransitGateway", "ec2:DeleteTransitGateway")),
            Map.entry("aws:ec2transitgateway/routeTable:RouteTable", List.of("ec2:CreateTransitGatewayRouteTable",
                    "ec2:DescribeTransitGatewayRouteTables", "ec2:DeleteTransitGatewayRouteTable",
                    "ec2:GetTransitGatewayRouteTableAssociations", "ec2:GetTransitGatewayRouteTablePropagations")),
            Map.entry("aws:ec2transitgateway/routeTableAssociation:RouteTableAssociation", List.of(
                    "ec2:AssociateTransitGatewayRouteTable", "ec2:DisassociateTransitGatewayRouteTable",
                    "ec2:GetTransitGatewayRouteTableAssociations", "ec2:DescribeTransitGatewayAttachments")),
            Map.entry("aws:ec2transitgateway/routeTablePropagation:RouteTablePropagation", List.of(
                    "ec2:EnableTransitGatewayRouteTablePropagation", "ec2:DisableTransitGatewayRouteTablePropagation",
                    "ec2:GetTransitGatewayRouteTablePropagations")),
            Map.entry("aws:ec2transitgateway/route:Route", List.of("ec2:CreateTransitGatewayRoute",
                    "ec2:SearchTransitGatewayRoutes", "ec2:DeleteTransitGatewayRoute")),
            Map.entry("aws:ec2transitgateway/vpcAttachment:VpcAttachment", List.of(
                    "ec2:CreateTransitGatewayVpcAttachment", "ec2:DescribeTransitGatewayVpcAttachments",
                    "ec2:ModifyTransitGatewayVpcAttachment", "ec2:DeleteTransitGatewayVpcAttachment")),
            Map.entry("aws:ec2transitgateway/peeringAttachment:PeeringAttachment", List.of(
                    "ec2:CreateTransitGatewayPeeringAttachment", "ec2:DescribeTransitGatewayPeeringAttachments",
                    "ec2:DeleteTransitGatewayPeeringAttachment")),
            Map.entry("aws:ec2transitgateway/peeringAttachmentAccepter:PeeringAttachmentAccepter", List.of(
                    "ec2:AcceptTransitGatewayPeeringAttachment", "ec2:DescribeTransitGatewayPeeringAttachments",
                    "ec2:DeleteTransitGatewayPeeringAttachment")),
            // DNS
            Map.entry("aws:route53/zone:Zone", List.of("route53:CreateHostedZone", "route53:GetHostedZone",
                    "route53:ListResourceRecordSets", "route53:UpdateHostedZoneComment", "route53:DeleteHostedZone",
                    "route53:ChangeTagsForResource", "route53:ListTagsForResource", "route53:GetChange",
                    "ec2:DescribeVpcs")),
            Map.entry("aws:route53/record:Record", List.of("route53:ChangeResourceRecordSets",
                    "route53:ListResourceRecordSets", "route53:GetHostedZone", "route53:GetChange")),
            Map.entry("aws:route53/zoneAssociation:ZoneAssociation", List.of("route53:AssociateVPCWithHostedZone",
                    "route53:DisassociateVPCFromHostedZone", "route53:ListHostedZonesByVPC", "route53:GetHostedZone",
                    "route53:GetChange", "ec2:DescribeVpcs")),
            Map.entry("aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig", List.of(
                    "route53resolver:CreateResolverQueryLogConfig", "route53resolver:GetResolverQueryLogConfig",
                    "route53resolver:DeleteResolverQueryLogConfig", "route53resolver:TagResource",
                    "route53resolver:UntagResource", "route53resolver:ListTagsForResource",
                    // Resolver's log delivery looks up the group and its resource policy with the caller's rights.
                    "logs:CreateLogDelivery", "logs:GetLogDelivery", "logs:DeleteLogDelivery",
                    "logs:DescribeResourcePolicies", "logs:DescribeLogGroups")),
            Map.entry("aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation", List.of(
                    "route53resolver:AssociateResolverQueryLogConfig", "route53resolver:GetResolverQueryLogConfigAssociation",
                    "route53resolver:DisassociateResolverQueryLogConfig")),
            // Identity and keys
            Map.entry("aws:iam/role:Role", List.of("iam:CreateRole", "iam:GetRole", "iam:UpdateRole",
                    "iam:UpdateAssumeRolePolicy", "iam:DeleteRole", "iam:TagRole", "iam:UntagRole",
                    "iam:ListRolePolicies", "iam:ListAttachedRolePolicies", "iam:ListInstanceProfilesForRole")),
            Map.entry("aws:iam/rolePolicy:RolePolicy", List.of("iam:PutRolePolicy", "iam:GetRolePolicy",
                    "iam:DeleteRolePolicy")),
            Map.entry("aws:iam/rolePolicyAttachment:RolePolicyAttachment", List.of("iam:AttachRolePolicy",
                    "iam:ListAttachedRolePolicies", "iam:DetachRolePolicy")),
            Map.entry("aws:iam/policy:Policy", List.of("iam:CreatePolicy", "iam:GetPolicy", "iam:GetPolicyVersion",
                    "iam:ListPolicyVersions", "iam:CreatePolicyVersion", "iam:DeletePolicyVersion", "iam:DeletePolicy",
                    "iam:TagPolicy", "iam:UntagPolicy")),
            Map.entry("aws:kms/key:Key", List.of("kms:CreateKey", "kms:DescribeKey", "kms:GetKeyPolicy",
                    "kms:PutKeyPolicy", "kms:GetKeyRotationStatus", "kms:EnableKeyRotation", "kms:ListResourceTags",
                    "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion", "kms:UpdateKeyDescription")),
            Map.entry("aws:kms/alias:Alias", List.of("kms:CreateAlias", "kms:ListAliases", "kms:UpdateAlias",
                    "kms:DeleteAlias")),
            // Compute
            Map.entry("aws:lambda/function:Function", List.of("lambda:CreateFunction", "lambda:GetFunction",
                    "lambda:GetFunctionConfiguration", "lambda:GetFunctionCodeSigningConfig",
                    "lambda:ListVersionsByFunction", "lambda:UpdateFunctionCode", "lambda:UpdateFunctionConfiguration",
                    "lambda:PutFunctionConcurrency", "lambda:DeleteFunctionConcurrency", "lambda:GetFunctionConcurrency",
                    "lambda:DeleteFunction", "lambda:TagResource", "lambda:UntagResource", "lambda:ListTags",
                    "iam:PassRole",
                    // A function in a VPC: Lambda checks the caller may see and make its network interfaces.
                    "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
                    "ec2:DescribeNetworkInterfaces", "ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface")),
            Map.entry("aws:lambda/functionEventInvokeConfig:FunctionEventInvokeConfig", List.of(
                    "lambda:PutFunctionEventInvokeConfig", "lambda:GetFunctionEventInvokeConfig",
                    "lambda:UpdateFunctionEventInvokeConfig", "lambda:DeleteFunctionEventInvokeConfig")),
            Map.entry("aws:lambda/permission:Permission", List.of("lambda:AddPermission", "lambda:GetPolicy",
                    "lambda:RemovePermission")),
            Map.entry("aws:sagemaker/notebookInstance:NotebookInstance", List.of("sagemaker:CreateNotebookInstance",
                    "sagemaker:DescribeNotebookInstance", "sagemaker:UpdateNotebookInstance",
                    "sagemaker:StopNotebookInstance", "sagemaker:DeleteNotebookInstance", "sagemaker:AddTags",
                    "sagemaker:DeleteTags", "sagemaker:ListTags", "iam:PassRole",
                    // In a subnet, with a customer key: SageMaker makes the interface and the volume's grant as the caller.
                    "ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission", "ec2:DeleteNetworkInterface",
                    "ec2:DeleteNetworkInterfacePermission", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                    "ec2:DescribeSecurityGroups", "ec2:DescribeVpcs", "ec2:DescribeDhcpOptions", "kms:CreateGrant",
                    "kms:DescribeKey")),
            Map.entry("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration",
                    List.of("sagemaker:CreateNotebookInstanceLifecycleConfig",
                            "sagemaker:DescribeNotebookInstanceLifecycleConfig",
                            "sagemaker:UpdateNotebookInstanceLifecycleConfig",
                            "sagemaker:DeleteNotebookInstanceLifecycleConfig")),
            // Logs, audit, monitoring
            Map.entry("aws:cloudwatch/logGroup:LogGroup", List.of("logs:CreateLogGroup", "logs:DescribeLogGroups",
                    "logs:PutRetentionPolicy", "logs:DeleteRetentionPolicy", "logs:AssociateKmsKey",
                    "logs:DisassociateKmsKey", "logs:DeleteLogGroup", "logs:TagResource", "logs:UntagResource",
                    "logs:ListTagsForResource")),
            Map.entry("aws:cloudwatch/logResourcePolicy:LogResourcePolicy", List.of("logs:PutResourcePolicy",
                    "logs:DescribeResourcePolicies", "logs:DeleteResourcePolicy")),
            Map.entry("aws:cloudwatch/metricAlarm:MetricAlarm", List.of("cloudwatch:PutMetricAlarm",
                    "cloudwatch:DescribeAlarms", "cloudwatch:DeleteAlarms", "cloudwatch:TagResource",
                    "cloudwatch:UntagResource", "cloudwatch:ListTagsForResource")),
            Map.entry("aws:cloudwatch/dashboard:Dashboard", List.of("cloudwatch:PutDashboard",
                    "cloudwatch:GetDashboard", "cloudwatch:DeleteDashboards")),
            Map.entry("aws:sns/topic:Topic", List.of("sns:CreateTopic", "sns:GetTopicAttributes",
                    "sns:SetTopicAttributes", "sns:DeleteTopic", "sns:TagResource", "sns:UntagResource",
                    "sns:ListTagsForResource")),
            Map.entry("aws:sns/topicPolicy:TopicPolicy", List.of("sns:SetTopicAttributes", "sns:GetTopicAttributes")),
            Map.entry("aws:sns/topicSubscription:TopicSubscription", List.of("sns:Subscribe",
                    "sns:GetSubscriptionAttributes", "sns:SetSubscriptionAttributes", "sns:Unsubscribe")),
            Map.entry("aws:cloudtrail/trail:Trail", List.of("cloudtrail:CreateTrail", "cloudtrail:DescribeTrails",
                    "cloudtrail:GetTrailStatus", "cloudtrail:GetEventSelectors", "cloudtrail:GetInsightSelectors",
                    "cloudtrail:PutEventSelectors", "cloudtrail:UpdateTrail", "cloudtrail:StartLogging",
                    "cloudtrail:StopLogging", "cloudtrail:DeleteTrail", "cloudtrail:AddTags", "cloudtrail:RemoveTags",
                    "cloudtrail:ListTags")),
            Map.entry("aws:scheduler/schedule:Schedule", List.of("scheduler:CreateSchedule", "scheduler:GetSchedule",
                    "scheduler:UpdateSchedule", "scheduler:DeleteSchedule", "iam:PassRole")),
            Map.entry("aws:scheduler/scheduleGroup:ScheduleGroup", List.of("scheduler:CreateScheduleGroup",
                    "scheduler:GetScheduleGroup", "scheduler:DeleteScheduleGroup", "scheduler:TagResource",
                    "scheduler:UntagResource", "scheduler:ListTagsForResource")),
            Map.entry("aws:bedrock/modelInvocationLoggingConfiguration:ModelInvocationLoggingConfiguration", List.of(
                    "bedrock:PutModelInvocationLoggingConfiguration", "bedrock:GetModelInvocationLoggingConfiguration",
                    "bedrock:DeleteModelInvocationLoggingConfiguration", "iam:PassRole")),
            // Trail bucket
            Map.entry("aws:s3/bucketV2:BucketV2", List.of("s3:CreateBucket", "s3:ListBucket", "s3:GetBucketLocation",
                    "s3:GetBucketTagging", "s3:PutBucketTagging", "s3:GetBucketAcl", "s3:GetBucketCORS",
                    "s3:GetBucketWebsite", "s3:GetBucketLogging", "s3:GetBucketObjectLockConfiguration",
                    "s3:GetBucketRequestPayment", "s3:GetAccelerateConfiguration", "s3:GetReplicationConfiguration",
                    "s3:GetLifecycleConfiguration", "s3:GetEncryptionConfiguration", "s3:GetBucketVersioning",
                    "s3:GetBucketPolicy", "s3:DeleteBucket")),
            Map.entry("aws:s3/bucketVersioningV2:BucketVersioningV2", List.of("s3:PutBucketVersioning",
                    "s3:GetBucketVersioning")),
            Map.entry("aws:s3/bucketPolicy:BucketPolicy", List.of("s3:PutBucketPolicy", "s3:GetBucketPolicy",
                    "s3:DeleteBucketPolicy")),
            Map.entry("aws:s3/bucketPublicAccessBlock:BucketPublicAccessBlock", List.of(
                    "s3:PutBucketPublicAccessBlock", "s3:GetBucketPublicAccessBlock")),
            Map.entry("aws:s3/bucketOwnershipControls:BucketOwnershipControls", List.of(
                    "s3:PutBucketOwnershipControls", "s3:GetBucketOwnershipControls")),
            Map.entry("aws:s3/bucketLifecycleConfigurationV2:BucketLifecycleConfigurationV2", List.of(
                    "s3:PutLifecycleConfiguration", "s3:GetLifecycleConfiguration")),
            Map.entry("aws:s3/bucketServerSideEncryptionConfigurationV2:BucketServerSideEncryptionConfigurationV2",
                    List.of("s3:PutEncryptionConfiguration", "s3:GetEncryptionConfiguration")),
            // Data sources the program calls before it registers anything.
            Map.entry("aws:ec2/getVpcEndpointService:getVpcEndpointService", List.of("ec2:DescribeVpcEndpointServices")),
            // The provider itself checks the account it deploys into (aws:allowedAccountIds).
            Map.entry("pulumi:providers:aws", List.of("sts:GetCallerIdentity"))));

    /** Types the plans hold that call no AWS API: the engine's own resources. */
    static final List<String> ENGINE_ONLY = List.of("pulumi:pulumi:StackReference", "pulumi:pulumi:Stack");

    public static Optional<List<String>> of(String type) {
        return Optional.ofNullable(ACTIONS.get(type));
    }
}
