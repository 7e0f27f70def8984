package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.domain.AwsNames;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.rules.Check.Between;
import com.example.bedrockstream.offline.rules.Check.IntIn;
import com.example.bedrockstream.offline.rules.Check.Ipv4Network;
import com.example.bedrockstream.offline.rules.Check.IsBase64;
import com.example.bedrockstream.offline.rules.Check.IsJson;
import com.example.bedrockstream.offline.rules.Check.MaxItems;
import com.example.bedrockstream.offline.rules.Check.OneOf;
import com.example.bedrockstream.offline.rules.Check.Text;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.example.bedrockstream.offline.AwsTypes.ALIAS;
import static com.example.bedrockstream.offline.AwsTypes.BUCKET_OWNERSHIP_CONTROLS;
import static com.example.bedrockstream.offline.AwsTypes.BUCKET_POLICY;
import static com.example.bedrockstream.offline.AwsTypes.BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2;
import static com.example.bedrockstream.offline.AwsTypes.BUCKET_VERSIONING_V2;
import static com.example.bedrockstream.offline.AwsTypes.DASHBOARD;
import static com.example.bedrockstream.offline.AwsTypes.EGRESS_RULE;
import static com.example.bedrockstream.offline.AwsTypes.ENDPOINT;
import static com.example.bedrockstream.offline.AwsTypes.FLOW_LOG;
import static com.example.bedrockstream.offline.AwsTypes.FUNCTION;
import static com.example.bedrockstream.offline.AwsTypes.INGRESS_RULE;
import static com.example.bedrockstream.offline.AwsTypes.KEY;
import static com.example.bedrockstream.offline.AwsTypes.LOG_GROUP;
import static com.example.bedrockstream.offline.AwsTypes.LOG_RESOURCE_POLICY;
import static com.example.bedrockstream.offline.AwsTypes.NOTEBOOK;
import static com.example.bedrockstream.offline.AwsTypes.NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION;
import static com.example.bedrockstream.offline.AwsTypes.PERMISSION;
import static com.example.bedrockstream.offline.AwsTypes.POLICY;
import static com.example.bedrockstream.offline.AwsTypes.RECORD;
import static com.example.bedrockstream.offline.AwsTypes.ROLE;
import static com.example.bedrockstream.offline.AwsTypes.ROLE_POLICY;
import static com.example.bedrockstream.offline.AwsTypes.ROLE_POLICY_ATTACHMENT;
import static com.example.bedrockstream.offline.AwsTypes.ROUTE;
import static com.example.bedrockstream.offline.AwsTypes.SCHEDULE;
import static com.example.bedrockstream.offline.AwsTypes.SCHEDULE_GROUP;
import static com.example.bedrockstream.offline.AwsTypes.SECURITY_GROUP;
import static com.example.bedrockstream.offline.AwsTypes.SUBNET;
import static com.example.bedrockstream.offline.AwsTypes.TGW_ROUTE;
import static com.example.bedrockstream.offline.AwsTypes.TGW_VPC_ATTACHMENT;
import static com.example.bedrockstream.offline.AwsTypes.TOPIC;
import static com.example.bedrockstream.offline.AwsTypes.TOPIC_POLICY;
import static com.example.bedrockstream.offline.AwsTypes.TOPIC_SUBSCRIPTION;
import static com.example.bedrockstream.offline.AwsTypes.TRAIL;
import static com.example.bedrockstream.offline.AwsTypes.TRANSIT_GATEWAY;
import static com.example.bedrockstream.offline.AwsTypes.VPC;
import static com.example.bedrockstream.offline.AwsTypes.ZONE;

/**
 * What the mock engine never checks but a real {@code pulumi up} does: the input validation of the AWS provider
 * plugin 6.83.0 (bridged from the Terraform AWS provider 5.x, so its rules are that provider's), and a few AWS API
 * constraints the provider leaves to AWS.
 *
 * <p>Sources: hashicorp/terraform-provider-aws, read through the code index, which holds file versions by commit
 * rather than by tag. Each rule names the file; "5.x" means the rule reads the same in the 5.x versions read
 * (v5.50.0 development line and later v5 files) and in the v6 file, so it holds at v5.100.0, the last 5.x release,
 * which pulumi-aws 6.83.0 tracks. Rules that depend on the AWS SDK enum the provider was built with say so.
 */
final class ProviderValidation {
    /** The plugin a resource without an explicit provider runs under: the pinned SDK's. */
    static final Version DEFAULT_PLUGIN = Version.parse("6.83.0");

    private ProviderValidation() {
    }

    /** Inline policy names: the characters of IAM names, up to 128 (validRolePolicyName). */
    private static final String IAM_NAME = AwsNames.IAM_ROLE.pattern().pattern();
    /** verify.ValidARN: arn:partition:service:region:account:resource, resource non-empty. */
    private static final Text ARN = Text.matching("^arn:[\\w-]+:[\\w-]+:[\\w-]*:\\d{0,12}:.+$", 1, 2048);
    /** The EC2 API's charset for security group and rule descriptions (ec2/validate.go validSecurityGroupRuleDescription). */
    private static final Text SG_DESCRIPTION = Text.matching("^[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*$", 0, 255);
    private static final OneOf ENABLE_DISABLE = OneOf.of("enable", "disable");
    private static final String BUCKET = AwsTypes.BUCKET_V2;
    private static final String LIFECYCLE = AwsTypes.BUCKET_LIFECYCLE_CONFIGURATION_V2;
    private static final String QUERY_LOG_CONFIG = AwsTypes.RESOLVER_QUERY_LOG_CONFIG;
    private static final String ALARM = AwsTypes.METRIC_ALARM;
    private static final String INVOKE_CONFIG = AwsTypes.FUNCTION_EVENT_INVOKE_CONFIG;

    /**
     * lambda/function.go: enum.Validate[awstypes.Runtime], the aws-sdk-go-v2 Lambda enum v5.100.0 was built with.
     * nodejs22.x (Nov 2024) and java21 (Nov 2023) are in it; nodejs24.x, python3.14 and java25 (Nov 2025) came
     * after the last 5.x release, so the 6.83.0 plugin rejects them. Deprecated runtimes are left out on purpose:
     * AWS refuses to create functions on them even though the enum still lists them.
     */
    static final Set<String> LAMBDA_RUNTIMES = Set.of(
            "nodejs18.x", "nodejs20.x", "nodejs22.x",
            "python3.9", "python3.10", "python3.11", "python3.12", "python3.13",
            "java8.al2", "java11", "java17", "java21",
            "dotnet8", "ruby3.2", "ruby3.3", "ruby3.4",
            "provided.al2", "provided.al2023");

    /** route53/record.go type: enum.Validate[awstypes.RRType]. */
    private static final OneOf RR_TYPES = OneOf.of("A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR",
            "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT");
    /** cloudtrail/consts.go field_Values: what an advanced event selector may select on. */
    private static final OneOf TRAIL_FIELDS = OneOf.of("eventCategory", "eventName", "eventSource", "readOnly",
            "resources.ARN", "resources.type", "userIdentity.arn", "sessionCredentialFromConsole");
    /** cloudwatch/metric_alarm.go comparison_operator: enum.Validate[types.ComparisonOperator]. */
    private static final OneOf COMPARISON_OPERATORS = OneOf.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold",
            "LessThanThreshold", "LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold",
            "LessThanLowerThreshold", "GreaterThanUpperThreshold");
    /** cloudwatch/metric_alarm.go extended_statistic: percentiles (p99, tm90...) and the trimmed forms TM(a:b). */
    private static final Text EXTENDED_STATISTIC = Text.matching("^((p|(tm)|(wm)|(tc)|(ts))((\\d{1,2}(\\.\\d{1,2})?)|(100))"
            + "|(IQM)|(((TM)|(WM)|(PR)|(TC)|(TS)))\\((\\d+(\\.\\d+)?%?)?:(\\d+(\\.\\d+)?%?)?\\))$", 1, 64);

    /**
     * The provider's input validations, one per rule, in the form {@code rule(id, type, source, check)}: the id is
     * {@code <source kind>:<short type>.<input>} and names the input it checks (a "[]" visits every element of a list);
     * the source is the provider file (or, for aws-api: and design: rules, the API or project rule) it restates; the
     * message is the check's expectation. A rule's failing fixture is its check's violating sample (RuleFixtures).
     */
    static final List<InputRule> INPUT_RULES = List.of(
            // Lambda: lambda/function.go and lambda/validate.go (validFunctionName, validLogGroupName).
            rule("provider:lambda/Function.name", FUNCTION, AwsNames.LAMBDA_FUNCTION.source(), Text.of(AwsNames.LAMBDA_FUNCTION)),
            rule("provider:lambda/Function.runtime", FUNCTION, "lambda/function.go runtime (aws-sdk-go-v2 Runtime enum)",
                    new OneOf(LAMBDA_RUNTIMES)),
            rule("provider:lambda/Function.architectures", FUNCTION, "lambda/function.go architectures MaxItems", new MaxItems(1)),
            rule("provider:lambda/Function.architectures[]", FUNCTION, "lambda/function.go architectures", OneOf.of("x86_64", "arm64")),
            rule("provider:lambda/Function.memorySize", FUNCTION, "lambda/function.go memory_size", new Between(128, 10240)),
            rule("provider:lambda/Function.timeout", FUNCTION, "lambda/function.go timeout", new Between(1, 900)),
            rule("provider:lambda/Function.handler", FUNCTION, "lambda/function.go handler", Text.length(1, 128)),
            rule("provider:lambda/Function.reservedConcurrentExecutions", FUNCTION, "lambda/function.go reserved_concurrent_executions",
                    new Between(-1, Integer.MAX_VALUE)),
            rule("provider:lambda/Function.role", FUNCTION, "lambda/function.go role (verify.ValidARN)", ARN),
            rule("provider:lambda/Function.loggingConfig.logFormat", FUNCTION, "lambda/function.go logging_config.log_format",
                    OneOf.of("JSON", "Text")),
            rule("provider:lambda/Function.loggingConfig.logGroup", FUNCTION, "lambda/validate.go validLogGroupName",
                    Text.of(AwsNames.LOG_GROUP)),
            rule("provider:lambda/Permission.action", PERMISSION, "lambda/validate.go validPermissionAction",
                    Text.matching("^(lambda:[*]|lambda:[A-Za-z]+|[*])$", 1, 256)),
            rule("provider:lambda/Permission.statementId", PERMISSION, "lambda/validate.go validPolicyStatementID",
                    Text.matching("^[0-9A-Za-z_-]+$", 1, 100)),
            // IAM: iam/role.go, iam/role_policy.go, iam/validate.go (validResourceName, validRolePolicyName).
            rule("provider:iam/Role.name", ROLE, AwsNames.IAM_ROLE.source(), Text.of(AwsNames.IAM_ROLE)),
            rule("provider:iam/Role.maxSessionDuration", ROLE, "iam/role.go max_session_duration", new Between(3600, 43200)),
            rule("provider:iam/Role.description", ROLE, "iam/role.go description", Text.matching("^[^\u201C\u2018]*$", 0, 1000)),
            rule("provider:iam/Role.path", ROLE, "iam/role.go path", Text.length(0, 512)),
            rule("provider:iam/Role.assumeRolePolicy", ROLE, "iam/role.go assume_role_policy", new IsJson()),
            rule("provider:iam/RolePolicy.name", ROLE_POLICY, "iam/role_policy.go name (validRolePolicyName)",
                    Text.matching(IAM_NAME, 1, 128)),
            rule("provider:iam/RolePolicy.role", ROLE_POLICY, "iam/role_policy.go role (validResourceName(64))",
                    Text.of(AwsNames.IAM_ROLE)),
            rule("provider:iam/RolePolicy.policy", ROLE_POLICY, "iam/role_policy.go policy (verify.ValidIAMPolicyJSON)", new IsJson()),
            rule("provider:iam/RolePolicyAttachment.policyArn", ROLE_POLICY_ATTACHMENT, "iam/role_policy_attachment.go policy_arn", ARN),
            rule("provider:iam/Policy.name", POLICY, AwsNames.IAM_POLICY.source(), Text.of(AwsNames.IAM_POLICY)),
            rule("provider:iam/Policy.policy", POLICY, "iam/policy.go policy (verify.ValidIAMPolicyJSON)", new IsJson()),
            // CloudWatch Logs: logs/group.go, logs/validate.go.
            rule("provider:cloudwatch/LogGroup.name", LOG_GROUP, AwsNames.LOG_GROUP.source(), Text.of(AwsNames.LOG_GROUP)),
            rule("provider:cloudwatch/LogGroup.retentionInDays", LOG_GROUP, "logs/group.go retention_in_days",
                    IntIn.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),
            // KMS: kms/key.go, kms/alias.go, kms/validate.go.
            rule("provider:kms/Key.deletionWindowInDays", KEY, "kms/key.go deletion_window_in_days", new Between(7, 30)),
            rule("provider:kms/Key.description", KEY, "kms/key.go description", Text.length(0, 8192)),
            rule("provider:kms/Key.policy", KEY, "kms/key.go policy", new IsJson()),
            rule("provider:kms/Alias.name", ALIAS, AwsNames.KMS_ALIAS.source(), Text.of(AwsNames.KMS_ALIAS)),
            // VPC and subnets: ec2/vpc_.go, ec2/vpc_subnet.go, ec2/vpc_route.go.
            rule("provider:ec2/Vpc.cidrBlock", VPC, "ec2/vpc_.go cidr_block", new Ipv4Network()),
            rule("provider:ec2/Vpc.instanceTenancy", VPC, "ec2/vpc_.go instance_tenancy", OneOf.of("default", "dedicated")),
            rule("provider:ec2/Subnet.cidrBlock", SUBNET, "ec2/vpc_subnet.go cidr_block", new Ipv4Network()),
            rule("provider:ec2/Route.destinationCidrBlock", ROUTE, "ec2/vpc_route.go destination_cidr_block", new Ipv4Network()),
            // Security groups: ec2/vpc_security_group.go, ec2/validate.go; the rule resources are framework resources
            // (ec2/vpc_security_group_ingress_rule.go) whose description the provider leaves to the EC2 API.
            rule("provider:ec2/SecurityGroup.name", SECURITY_GROUP, AwsNames.SECURITY_GROUP.source(), Text.of(AwsNames.SECURITY_GROUP)),
            rule("provider:ec2/SecurityGroup.description", SECURITY_GROUP, "ec2/vpc_security_group.go description", Text.length(0, 255)),
            rule("aws-api:ec2/SecurityGroup.description", SECURITY_GROUP, "EC2 CreateSecurityGroup GroupDescription charset (VPC)",
                    SG_DESCRIPTION),
            rule("provider:ec2/SecurityGroup.ingress[].description", SECURITY_GROUP, "ec2/validate.go validSecurityGroupRuleDescription",
                    SG_DESCRIPTION),
            rule("provider:ec2/SecurityGroup.egress[].description", SECURITY_GROUP, "ec2/validate.go validSecurityGroupRuleDescription",
                    SG_DESCRIPTION),
            rule("aws-api:vpc/SecurityGroupIngressRule.description", INGRESS_RULE, "EC2 SecurityGroupRule Description charset",
                    SG_DESCRIPTION),
            rule("aws-api:vpc/SecurityGroupEgressRule.description", EGRESS_RULE, "EC2 SecurityGroupRule Description charset",
                    SG_DESCRIPTION),
            rule("provider:vpc/SecurityGroupIngressRule.cidrIpv4", INGRESS_RULE, "ec2/vpc_security_group_ingress_rule.go cidr_ipv4",
                    new Ipv4Network()),
            rule("provider:vpc/SecurityGroupEgressRule.cidrIpv4", EGRESS_RULE, "ec2/vpc_security_group_ingress_rule.go cidr_ipv4",
                    new Ipv4Network()),
            // Endpoints and flow logs: ec2/vpc_endpoint.go, ec2/vpc_flow_log.go. The endpoint type enum also has
            // Resource and ServiceNetwork in late SDKs; this project never uses them, so they are not listed.
            rule("provider:ec2/VpcEndpoint.vpcEndpointType", ENDPOINT, "ec2/vpc_endpoint.go vpc_endpoint_type",
                    OneOf.of("Gateway", "GatewayLoadBalancer", "Interface")),
            rule("provider:ec2/VpcEndpoint.policy", ENDPOINT, "ec2/vpc_endpoint.go policy", new IsJson()),
            rule("provider:ec2/FlowLog.trafficType", FLOW_LOG, "ec2/vpc_flow_log.go traffic_type", OneOf.of("ACCEPT", "REJECT", "ALL")),
            rule("provider:ec2/FlowLog.logDestinationType", FLOW_LOG, "ec2/vpc_flow_log.go log_destination_type",
                    OneOf.of("cloud-watch-logs", "s3", "kinesis-data-firehose")),
            rule("provider:ec2/FlowLog.maxAggregationInterval", FLOW_LOG, "ec2/vpc_flow_log.go max_aggregation_interval",
                    IntIn.of(60, 600)),
            rule("provider:ec2/FlowLog.iamRoleArn", FLOW_LOG, "ec2/vpc_flow_log.go iam_role_arn", ARN),
            rule("provider:ec2/FlowLog.logDestination", FLOW_LOG, "ec2/vpc_flow_log.go log_destination", ARN),
            // Transit Gateway: ec2/transitgateway_.go, transitgateway_vpc_attachment.go, transitgateway_route.go.
            // The provider does not validate amazon_side_asn (TypeInt, default 64512); AWS does.
            rule("aws-api:ec2transitgateway/TransitGateway.amazonSideAsn", TRANSIT_GATEWAY,
                    "EC2 CreateTransitGateway AmazonSideAsn (64512-65534 or 4200000000-4294967294)",
                    new Check.PrivateAsn()),
            rule("provider:ec2transitgateway/TransitGateway.autoAcceptSharedAttachments", TRANSIT_GATEWAY,
                    "ec2/transitgateway_.go auto_accept_shared_attachments",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/TransitGateway.defaultRouteTableAssociation", TRANSIT_GATEWAY,
                    "ec2/transitgateway_.go default_route_table_association",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/TransitGateway.defaultRouteTablePropagation", TRANSIT_GATEWAY,
                    "ec2/transitgateway_.go default_route_table_propagation",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/TransitGateway.dnsSupport", TRANSIT_GATEWAY, "ec2/transitgateway_.go dns_support",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/TransitGateway.multicastSupport", TRANSIT_GATEWAY, "ec2/transitgateway_.go multicast_support",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/TransitGateway.vpnEcmpSupport", TRANSIT_GATEWAY, "ec2/transitgateway_.go vpn_ecmp_support",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/TransitGateway.transitGatewayCidrBlocks", TRANSIT_GATEWAY,
                    "ec2/transitgateway_.go transit_gateway_cidr_blocks",
                    new MaxItems(5)),
            rule("provider:ec2transitgateway/VpcAttachment.applianceModeSupport", TGW_VPC_ATTACHMENT,
                    "ec2/transitgateway_vpc_attachment.go appliance_mode_support",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/VpcAttachment.dnsSupport", TGW_VPC_ATTACHMENT,
                    "ec2/transitgateway_vpc_attachment.go dns_support",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/VpcAttachment.ipv6Support", TGW_VPC_ATTACHMENT,
                    "ec2/transitgateway_vpc_attachment.go ipv6_support",
                    ENABLE_DISABLE),
            rule("provider:ec2transitgateway/Route.destinationCidrBlock", TGW_ROUTE, "ec2/transitgateway_route.go destination_cidr_block",
                    new Ipv4Network()),
            // Route 53: route53/zone.go, route53/record.go (enum.Validate[awstypes.RRType]).
            rule("provider:route53/Zone.name", ZONE, "route53/zone.go name", Text.length(1, 1024)),
            rule("provider:route53/Zone.comment", ZONE, "route53/zone.go comment", Text.length(0, 256)),
            rule("provider:route53/Record.type", RECORD,
                    "route53/record.go type (RRType enum)",
                    RR_TYPES),
            rule("provider:route53/Record.name", RECORD, "route53/record.go name", Text.length(1, 1024)),
            rule("provider:route53/Record.zoneId", RECORD, "route53/record.go zone_id", Text.length(1, 32)),
            // SageMaker: sagemaker/notebook_instance.go, notebook_instance_lifecycle_configuration.go, validate.go.
            // platform_identifier depends on the plugin version: see NotebookPlatforms below.
            rule("provider:sagemaker/NotebookInstance.name", NOTEBOOK, AwsNames.SAGEMAKER.source(), Text.of(AwsNames.SAGEMAKER)),
            rule("provider:sagemaker/NotebookInstance.instanceType", NOTEBOOK,
                    "sagemaker/notebook_instance.go instance_type (InstanceType enum; offline: its shape)",
                    Text.matching("^ml\\.[a-z0-9]+\\.(medium|large|\\d*xlarge)$", 1, 64)),
            rule("provider:sagemaker/NotebookInstance.rootAccess", NOTEBOOK, "sagemaker/notebook_instance.go root_access",
                    OneOf.of("Enabled", "Disabled")),
            rule("provider:sagemaker/NotebookInstance.directInternetAccess", NOTEBOOK,
                    "sagemaker/notebook_instance.go direct_internet_access",
                    OneOf.of("Enabled", "Disabled")),
            rule("provider:sagemaker/NotebookInstance.instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", NOTEBOOK,
                    "sagemaker/notebook_instance.go minimum_instance_metadata_service_version",
                    OneOf.of("1", "2")),
            rule("provider:sagemaker/NotebookInstance.roleArn", NOTEBOOK, "sagemaker/notebook_instance.go role_arn", ARN),
            rule("provider:sagemaker/NotebookInstance.additionalCodeRepositories", NOTEBOOK,
                    "sagemaker/notebook_instance.go additional_code_repositories",
                    new MaxItems(3)),
            rule("aws-api:sagemaker/NotebookInstance.volumeSize", NOTEBOOK, "SageMaker CreateNotebookInstance VolumeSizeInGB",
                    new Between(5, 16384)),
            rule("provider:sagemaker/NotebookInstanceLifecycleConfiguration.name", NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION,
                    AwsNames.SAGEMAKER.source(),
                    Text.of(AwsNames.SAGEMAKER)),
            rule("provider:sagemaker/NotebookInstanceLifecycleConfiguration.onCreate", NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION,
                    "sagemaker/notebook_instance_lifecycle_configuration.go on_create",
                    Text.length(1, 16384)),
            rule("provider:sagemaker/NotebookInstanceLifecycleConfiguration.onStart", NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION,
                    "sagemaker/notebook_instance_lifecycle_configuration.go on_start",
                    Text.length(1, 16384)),
            rule("aws-api:sagemaker/NotebookInstanceLifecycleConfiguration.onCreate", NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION,
                    "SageMaker NotebookInstanceLifecycleHook Content is base64",
                    new IsBase64()),
            rule("aws-api:sagemaker/NotebookInstanceLifecycleConfiguration.onStart", NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION,
                    "SageMaker NotebookInstanceLifecycleHook Content is base64",
                    new IsBase64()),
            // Audit (issue 13): cloudtrail/trail.go, s3/bucket*.go, logs/resource_policy.go, route53resolver/query_log_config.go.
            // The bucket name rule is the AWS one: the provider checks it only outside us-east-1 (AwsNames.S3_BUCKET).
            rule("provider:s3/BucketV2.bucket", BUCKET, AwsNames.S3_BUCKET.source(), Text.of(AwsNames.S3_BUCKET)),
            rule("aws-api:cloudtrail/Trail.name", TRAIL, "CloudTrail CreateTrail Name (the provider checks 3 to 128 characters)",
                    Text.of(AwsNames.CLOUDTRAIL)),
            rule("provider:cloudtrail/Trail.kmsKeyId", TRAIL, "cloudtrail/trail.go kms_key_id (verify.ValidARN)", ARN),
            rule("provider:cloudtrail/Trail.advancedEventSelectors[].fieldSelectors[].field", TRAIL,
                    "cloudtrail/trail.go advanced_event_selector.field_selector.field (consts.go field_Values)",
                    TRAIL_FIELDS),
            rule("provider:cloudtrail/Trail.advancedEventSelectors[].name", TRAIL, "cloudtrail/trail.go advanced_event_selector.name",
                    Text.length(0, 1000)),
            rule("provider:s3/BucketOwnershipControls.rule.objectOwnership", BUCKET_OWNERSHIP_CONTROLS,
                    "s3/bucket_ownership_controls.go object_ownership (ObjectOwnership enum)",
                    OneOf.of("BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced")),
            rule("provider:s3/BucketVersioningV2.versioningConfiguration.status", BUCKET_VERSIONING_V2,
                    "s3/bucket_versioning.go versioning_configuration.status",
                    OneOf.of("Enabled", "Suspended", "Disabled")),
            rule("provider:s3/BucketServerSideEncryptionConfigurationV2.rules[].applyServerSideEncryptionByDefault.sseAlgorithm",
                    BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2,
                    "s3/bucket_server_side_encryption_configuration.go sse_algorithm (ServerSideEncryption enum)",
                    OneOf.of("AES256", "aws:kms", "aws:kms:dsse")),
            rule("provider:s3/BucketLifecycleConfigurationV2.rules[].status", LIFECYCLE, "s3/bucket_lifecycle_configuration.go rule.status",
                    OneOf.of("Enabled", "Disabled")),
            rule("provider:s3/BucketLifecycleConfigurationV2.rules[].id", LIFECYCLE, "s3/bucket_lifecycle_configuration.go rule.id",
                    Text.length(1, 255)),
            rule("provider:s3/BucketLifecycleConfigurationV2.rules[].transitions[].storageClass", LIFECYCLE,
                    "s3/bucket_lifecycle_configuration.go transition.storage_class (TransitionStorageClass enum)",
                    OneOf.of("GLACIER", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR")),
            rule("provider:s3/BucketPolicy.policy", BUCKET_POLICY, "s3/bucket_policy.go policy (verify.ValidIAMPolicyJSON)", new IsJson()),
            rule("provider:cloudwatch/LogResourcePolicy.policyDocument", LOG_RESOURCE_POLICY,
                    "logs/resource_policy.go policy_document (verify.ValidIAMPolicyJSON)",
                    new IsJson()),
            rule("provider:route53/ResolverQueryLogConfig.name", QUERY_LOG_CONFIG, AwsNames.RESOLVER.source(), Text.of(AwsNames.RESOLVER)),
            rule("provider:route53/ResolverQueryLogConfig.destinationArn", QUERY_LOG_CONFIG,
                    "route53resolver/query_log_config.go destination_arn (verify.ValidARN)",
                    ARN),
            // Monitoring (issue 13): cloudwatch/metric_alarm.go, cloudwatch/validate.go (validDashboardName),
            // sns/topic.go, sns/topic_subscription.go, scheduler/schedule.go, scheduler/schedule_group.go,
            // lambda/function_event_invoke_config.go.
            rule("provider:cloudwatch/MetricAlarm.name", ALARM, "cloudwatch/metric_alarm.go alarm_name", Text.length(1, 255)),
            rule("provider:cloudwatch/MetricAlarm.alarmDescription", ALARM, "cloudwatch/metric_alarm.go alarm_description",
                    Text.length(0, 1024)),
            rule("provider:cloudwatch/MetricAlarm.namespace", ALARM, "cloudwatch/metric_alarm.go namespace",
                    Text.matching("^[^:]+$", 1, 255)),
            rule("provider:cloudwatch/MetricAlarm.comparisonOperator", ALARM,
                    "cloudwatch/metric_alarm.go comparison_operator (ComparisonOperator enum)",
                    COMPARISON_OPERATORS),
            rule("provider:cloudwatch/MetricAlarm.statistic", ALARM, "cloudwatch/metric_alarm.go statistic (Statistic enum)",
                    OneOf.of("SampleCount", "Average", "Sum", "Minimum", "Maximum")),
            rule("provider:cloudwatch/MetricAlarm.extendedStatistic", ALARM,
                    "cloudwatch/metric_alarm.go extended_statistic",
                    EXTENDED_STATISTIC),
            rule("provider:cloudwatch/MetricAlarm.treatMissingData", ALARM, "cloudwatch/metric_alarm.go treat_missing_data",
                    OneOf.of("breaching", "notBreaching", "ignore", "missing")),
            rule("provider:cloudwatch/MetricAlarm.evaluateLowSampleCountPercentiles", ALARM,
                    "cloudwatch/metric_alarm.go evaluate_low_sample_count_percentiles",
                    OneOf.of("evaluate", "ignore")),
            rule("provider:cloudwatch/MetricAlarm.period", ALARM, "cloudwatch/metric_alarm.go period (10, 30 or a multiple of 60)",
                    new Check.Period()),
            rule("provider:cloudwatch/MetricAlarm.datapointsToAlarm", ALARM, "cloudwatch/metric_alarm.go datapoints_to_alarm",
                    new Between(1, Integer.MAX_VALUE)),
            rule("aws-api:cloudwatch/MetricAlarm.evaluationPeriods", ALARM, "CloudWatch PutMetricAlarm EvaluationPeriods",
                    new Between(1, Integer.MAX_VALUE)),
            rule("aws-api:cloudwatch/MetricAlarm.alarmActions", ALARM, "CloudWatch PutMetricAlarm AlarmActions (at most 5)",
                    new MaxItems(5)),
            rule("provider:cloudwatch/MetricAlarm.okActions", ALARM, "cloudwatch/metric_alarm.go ok_actions MaxItems", new MaxItems(5)),
            rule("provider:cloudwatch/MetricAlarm.alarmActions[]", ALARM, "cloudwatch/metric_alarm.go alarm_actions (verify.ValidARN)",
                    ARN),
            rule("provider:cloudwatch/Dashboard.dashboardName", DASHBOARD, AwsNames.DASHBOARD.source(), Text.of(AwsNames.DASHBOARD)),
            rule("provider:cloudwatch/Dashboard.dashboardBody", DASHBOARD, "cloudwatch/dashboard.go dashboard_body (StringIsJSON)",
                    new IsJson()),
            rule("provider:sns/Topic.name", TOPIC, AwsNames.SNS_TOPIC.source(), Text.of(AwsNames.SNS_TOPIC)),
            rule("provider:sns/TopicPolicy.policy", TOPIC_POLICY, "sns/topic_policy.go policy", new IsJson()),
            rule("provider:sns/TopicSubscription.protocol", TOPIC_SUBSCRIPTION, "sns/topic_subscription.go protocol",
                    OneOf.of("application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs")),
            rule("provider:scheduler/Schedule.name", SCHEDULE, AwsNames.SCHEDULER.source(), Text.of(AwsNames.SCHEDULER)),
            rule("provider:scheduler/Schedule.groupName", SCHEDULE, "scheduler/schedule.go group_name", Text.length(1, 64)),
            rule("provider:scheduler/Schedule.description", SCHEDULE, "scheduler/schedule.go description", Text.length(0, 512)),
            rule("provider:scheduler/Schedule.scheduleExpression", SCHEDULE, "scheduler/schedule.go schedule_expression",
                    Text.length(1, 256)),
            rule("provider:scheduler/Schedule.flexibleTimeWindow.mode", SCHEDULE,
                    "scheduler/schedule.go flexible_time_window.mode (FlexibleTimeWindowMode enum)",
                    OneOf.of("OFF", "FLEXIBLE")),
            rule("provider:scheduler/Schedule.state", SCHEDULE, "scheduler/schedule.go state (ScheduleState enum)",
                    OneOf.of("ENABLED", "DISABLED")),
            rule("provider:scheduler/Schedule.target.arn", SCHEDULE, "scheduler/schedule.go target.arn", ARN),
            rule("provider:scheduler/Schedule.target.roleArn", SCHEDULE, "scheduler/schedule.go target.role_arn", ARN),
            rule("provider:scheduler/Schedule.target.retryPolicy.maximumEventAgeInSeconds", SCHEDULE,
                    "scheduler/schedule.go target.retry_policy.maximum_event_age_in_seconds",
                    new Between(60, 86400)),
            rule("provider:scheduler/Schedule.target.retryPolicy.maximumRetryAttempts", SCHEDULE,
                    "scheduler/schedule.go target.retry_policy.maximum_retry_attempts",
                    new Between(0, 185)),
            rule("provider:scheduler/ScheduleGroup.name", SCHEDULE_GROUP, AwsNames.SCHEDULER.source(), Text.of(AwsNames.SCHEDULER)),
            rule("provider:lambda/FunctionEventInvokeConfig.maximumEventAgeInSeconds", INVOKE_CONFIG,
                    "lambda/function_event_invoke_config.go maximum_event_age_in_seconds",
                    new Between(60, 21600)),
            rule("provider:lambda/FunctionEventInvokeConfig.maximumRetryAttempts", INVOKE_CONFIG,
                    "lambda/function_event_invoke_config.go maximum_retry_attempts",
                    new Between(0, 2)),
            // The explicit provider: Pulumi registers it with skipRegionValidation=true, so nothing checks the
            // region before AWS does; a typo would only surface as endpoint errors at `pulumi up`.
            rule("design:providers/aws.region", MockResource.PROVIDER_TYPE, "project rule: an explicit provider names a real region",
                    Text.matching("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$", 1, 32)));

    private static InputRule rule(String id, String type, String reference, Check check) {
        return InputRule.of(id, type, reference, check);
    }

    /**
     * SageMaker notebook platforms by the first provider plugin that accepts them. 5.x (plugin 6.x):
     * sagemaker/notebook_instance.go `^(notebook-al1-v1|notebook-al2-v1|notebook-al2-v2|notebook-al2-v3)$`
     * (al2-v3 added in late 5.x); notebook-al2023-v1 arrived with Terraform 6.17, first in pulumi-aws 7.11.0
     * (its npm docs list it, 7.10.0's do not).
     */
    static final Map<String, Version> NOTEBOOK_PLATFORMS = Map.of(
            "notebook-al1-v1", Version.parse("6.0.0"),
            "notebook-al2-v1", Version.parse("6.0.0"),
            "notebook-al2-v2", Version.parse("6.0.0"),
            "notebook-al2-v3", Version.parse("6.0.0"),
            "notebook-al2023-v1", Version.parse("7.11.0"));

    /** The platform check: the plugin the notebook is created through must know its platform. */
    static final ResourceRule NOTEBOOK_PLATFORM = ResourceRule.of("provider:sagemaker/NotebookInstance.platformIdentifier",
            "a notebook's platform is one its provider plugin knows (notebook-al2023-v1 needs plugin >= 7.11.0)",
            RuleSource.provider("sagemaker/notebook_instance.go platform_identifier; notebook-al2023-v1 from pulumi-aws 7.11.0"),
            NOTEBOOK, (run, notebook) -> notebookPlatform(run, notebook).stream());

    private static Optional<String> notebookPlatform(OfflineRun run, MockResource notebook) {
        Optional<Object> platform = notebook.input("platformIdentifier").filter(Inputs::present);
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        String value = String.valueOf(platform.get());
        Version since = NOTEBOOK_PLATFORMS.get(value);
        if (since == null) {
            return Optional.of("platformIdentifier = \"" + value + "\" must be one of "
                    + NOTEBOOK_PLATFORMS.keySet().stream().sorted().toList());
        }
        Optional<MockResource> provider = run.explicitProvider(notebook);
        if (notebook.provider().isPresent() && provider.isEmpty()) {
            return Optional.of("platformIdentifier = \"" + value + "\" needs its provider " + notebook.provider().get()
                    + " to be a registered " + MockResource.PROVIDER_TYPE + " resource");
        }
        Version plugin = provider.flatMap(MockResource::pluginVersion).map(Version::parse).orElse(DEFAULT_PLUGIN);
        if (plugin.compareTo(since) >= 0) {
            return Optional.empty();
        }
        String through = provider.map(p -> "explicit provider " + p.name() + " with plugin "
                        + p.pluginVersion().orElse(DEFAULT_PLUGIN + " (no version option)"))
                .orElse("the default provider (plugin " + DEFAULT_PLUGIN + ")");
        return Optional.of("platformIdentifier = \"" + value + "\" needs AWS provider plugin >= " + since
                + ", but is registered through " + through + "; register it through an explicit "
                + MockResource.PROVIDER_TYPE + " whose version option is >= " + since);
    }

    /** A plugin version, compared numerically ("7.12.0" > "7.9.1"); a "v" prefix and pre-release tail are ignored. */
    record Version(int major, int minor, int patch) implements Comparable<Version> {
        static Version parse(String text) {
            String[] parts = text.replaceFirst("^v", "").split("[-+]")[0].split("\\.");
            int[] n = new int[3];
            for (int i = 0; i < Math.min(3, parts.length); i++) {
                n[i] = Integer.parseInt(parts[i]);
            }
            return new Version(n[0], n[1], n[2]);
        }

        @Override
        public int compareTo(Version other) {
            return major != other.major ? Integer.compare(major, other.major)
                    : minor != other.minor ? Integer.compare(minor, other.minor) : Integer.compare(patch, other.patch);
        }

        @Override
        public String toString() {
            return major + "." + minor + "." + patch;
        }
    }
}
