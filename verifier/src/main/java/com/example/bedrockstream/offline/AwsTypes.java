package com.example.bedrockstream.offline;

import com.pulumi.core.annotations.ResourceType;

/**
 * The Pulumi type tokens of the AWS resources the offline plan reads (rules, path proof, diagram), taken from the
 * SDK classes themselves, so a token can be neither misspelt nor out of step with the pinned provider.
 */
public final class AwsTypes {
    public static final String ALIAS = of(com.pulumi.aws.kms.Alias.class);
    public static final String BUCKET_LIFECYCLE_CONFIGURATION_V2 = of(com.pulumi.aws.s3.BucketLifecycleConfigurationV2.class);
    public static final String BUCKET_OWNERSHIP_CONTROLS = of(com.pulumi.aws.s3.BucketOwnershipControls.class);
    public static final String BUCKET_POLICY = of(com.pulumi.aws.s3.BucketPolicy.class);
    public static final String BUCKET_PUBLIC_ACCESS_BLOCK = of(com.pulumi.aws.s3.BucketPublicAccessBlock.class);
    public static final String BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2 =
            of(com.pulumi.aws.s3.BucketServerSideEncryptionConfigurationV2.class);
    public static final String BUCKET_V2 = of(com.pulumi.aws.s3.BucketV2.class);
    public static final String BUCKET_VERSIONING_V2 = of(com.pulumi.aws.s3.BucketVersioningV2.class);
    public static final String DASHBOARD = of(com.pulumi.aws.cloudwatch.Dashboard.class);
    public static final String DEFAULT_SECURITY_GROUP = of(com.pulumi.aws.ec2.DefaultSecurityGroup.class);
    public static final String EGRESS_ONLY_INTERNET_GATEWAY = of(com.pulumi.aws.ec2.EgressOnlyInternetGateway.class);
    public static final String EGRESS_RULE = of(com.pulumi.aws.vpc.SecurityGroupEgressRule.class);
    public static final String EIP = of(com.pulumi.aws.ec2.Eip.class);
    public static final String EIP_ASSOCIATION = of(com.pulumi.aws.ec2.EipAssociation.class);
    public static final String ENDPOINT = of(com.pulumi.aws.ec2.VpcEndpoint.class);
    public static final String FLOW_LOG = of(com.pulumi.aws.ec2.FlowLog.class);
    public static final String FUNCTION = of(com.pulumi.aws.lambda.Function.class);
    public static final String FUNCTION_EVENT_INVOKE_CONFIG = of(com.pulumi.aws.lambda.FunctionEventInvokeConfig.class);
    public static final String INGRESS_RULE = of(com.pulumi.aws.vpc.SecurityGroupIngressRule.class);
    public static final String INTERNET_GATEWAY = of(com.pulumi.aws.ec2.InternetGateway.class);
    public static final String KEY = of(com.pulumi.aws.kms.Key.class);
    public static final String LOG_GROUP = of(com.pulumi.aws.cloudwatch.LogGroup.class);
    public static final String LOG_RESOURCE_POLICY = of(com.pulumi.aws.cloudwatch.LogResourcePolicy.class);
    public static final String METRIC_ALARM = of(com.pulumi.aws.cloudwatch.MetricAlarm.class);
    public static final String NAT_GATEWAY = of(com.pulumi.aws.ec2.NatGateway.class);
    public static final String NOTEBOOK = of(com.pulumi.aws.sagemaker.NotebookInstance.class);
    public static final String NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION =
            of(com.pulumi.aws.sagemaker.NotebookInstanceLifecycleConfiguration.class);
    public static final String PERMISSION = of(com.pulumi.aws.lambda.Permission.class);
    public static final String POLICY = of(com.pulumi.aws.iam.Policy.class);
    public static final String RECORD = of(com.pulumi.aws.route53.Record.class);
    public static final String RESOLVER_QUERY_LOG_CONFIG = of(com.pulumi.aws.route53.ResolverQueryLogConfig.class);
    public static final String ROLE = of(com.pulumi.aws.iam.Role.class);
    public static final String ROLE_POLICY = of(com.pulumi.aws.iam.RolePolicy.class);
    public static final String ROLE_POLICY_ATTACHMENT = of(com.pulumi.aws.iam.RolePolicyAttachment.class);
    public static final String ROUTE = of(com.pulumi.aws.ec2.Route.class);
    public static final String ROUTE_TABLE_ASSOCIATION = of(com.pulumi.aws.ec2.RouteTableAssociation.class);
    public static final String SCHEDULE = of(com.pulumi.aws.scheduler.Schedule.class);
    public static final String SCHEDULE_GROUP = of(com.pulumi.aws.scheduler.ScheduleGroup.class);
    public static final String SECURITY_GROUP = of(com.pulumi.aws.ec2.SecurityGroup.class);
    public static final String SECURITY_GROUP_RULE = of(com.pulumi.aws.ec2.SecurityGroupRule.class);
    public static final String SUBNET = of(com.pulumi.aws.ec2.Subnet.class);
    public static final String TGW_ASSOCIATION = of(com.pulumi.aws.ec2transitgateway.RouteTableAssociation.class);
    public static final String TGW_PEERING = of(com.pulumi.aws.ec2transitgateway.PeeringAttachment.class);
    public static final String TGW_PEERING_ACCEPTER = of(com.pulumi.aws.ec2transitgateway.PeeringAttachmentAccepter.class);
    public static final String TGW_PROPAGATION = of(com.pulumi.aws.ec2transitgateway.RouteTablePropagation.class);
    public static final String TGW_ROUTE = of(com.pulumi.aws.ec2transitgateway.Route.class);
    public static final String TGW_ROUTE_TABLE = of(com.pulumi.aws.ec2transitgateway.RouteTable.class);
    public static final String TGW_VPC_ATTACHMENT = of(com.pulumi.aws.ec2transitgateway.VpcAttachment.class);
    public static final String TOPIC = of(com.pulumi.aws.sns.Topic.class);
    public static final String TOPIC_POLICY = of(com.pulumi.aws.sns.TopicPolicy.class);
    public static final String TOPIC_SUBSCRIPTION = of(com.pulumi.aws.sns.TopicSubscription.class);
    public static final String TRAIL = of(com.pulumi.aws.cloudtrail.Trail.class);
    public static final String TRANSIT_GATEWAY = of(com.pulumi.aws.ec2transitgateway.TransitGateway.class);
    public static final String VPC = of(com.pulumi.aws.ec2.Vpc.class);
    public static final String ZONE = of(com.pulumi.aws.route53.Zone.class);
    public static final String ZONE_ASSOCIATION = of(com.pulumi.aws.route53.ZoneAssociation.class);

    private AwsTypes() {
    }

    /** The token a resource class registers under, e.g. "aws:lambda/function:Function". */
    public static String of(Class<?> resourceClass) {
        ResourceType type = resourceClass.getAnnotation(ResourceType.class);
        if (type == null) {
            throw new IllegalArgumentException(resourceClass + " is not a Pulumi resource class");
        }
        return type.type();
    }
}
