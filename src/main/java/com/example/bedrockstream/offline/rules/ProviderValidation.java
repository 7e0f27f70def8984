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

import static com.example.bedrockstream.offline.AwsTypes.NOTEBOOK;
import static com.example.bedrockstream.offline.AwsTypes.SCHEDULE;
import static com.example.bedrockstream.offline.AwsTypes.TRAIL;

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

    static final List<InputRule> INPUT_RULES = List.of(
            // Lambda: lambda/function.go and lambda/validate.go (validFunctionName, validLogGroupName).
            new InputRule(RuleSource.provider(AwsNames.LAMBDA_FUNCTION.source()), AwsTypes.FUNCTION, "name", Text.of(AwsNames.LAMBDA_FUNCTION)),
            new InputRule(RuleSource.provider("lambda/function.go runtime (aws-sdk-go-v2 Runtime enum)"), AwsTypes.FUNCTION, "runtime", new OneOf(LAMBDA_RUNTIMES)),
            new InputRule(RuleSource.provider("lambda/function.go architectures MaxItems"), AwsTypes.FUNCTION, "architectures", new MaxItems(1)),
            new InputRule(RuleSource.provider("lambda/function.go architectures"), AwsTypes.FUNCTION, "architectures[]", OneOf.of("x86_64", "arm64")),
            new InputRule(RuleSource.provider("lambda/function.go memory_size"), AwsTypes.FUNCTION, "memorySize", new Between(128, 10240)),
            new InputRule(RuleSource.provider("lambda/function.go timeout"), AwsTypes.FUNCTION, "timeout", new Between(1, 900)),
            new InputRule(RuleSource.provider("lambda/function.go handler"), AwsTypes.FUNCTION, "handler", Text.length(1, 128)),
            new InputRule(RuleSource.provider("lambda/function.go reserved_concurrent_executions"), AwsTypes.FUNCTION, "reservedConcurrentExecutions", new Between(-1, Integer.MAX_VALUE)),
            new InputRule(RuleSource.provider("lambda/function.go role (verify.ValidARN)"), AwsTypes.FUNCTION, "role", ARN),
            new InputRule(RuleSource.provider("lambda/function.go logging_config.log_format"), AwsTypes.FUNCTION, "loggingConfig.logFormat", OneOf.of("JSON", "Text")),
            new InputRule(RuleSource.provider("lambda/validate.go validLogGroupName"), AwsTypes.FUNCTION, "loggingConfig.logGroup", Text.of(AwsNames.LOG_GROUP)),
            new InputRule(RuleSource.provider("lambda/validate.go validPermissionAction"), AwsTypes.PERMISSION, "action", Text.matching("^(lambda:[*]|lambda:[A-Za-z]+|[*])$", 1, 256)),
            new InputRule(RuleSource.provider("lambda/validate.go validPolicyStatementID"), AwsTypes.PERMISSION, "statementId", Text.matching("^[0-9A-Za-z_-]+$", 1, 100)),

            // IAM: iam/role.go, iam/role_policy.go, iam/validate.go (validResourceName, validRolePolicyName).
            new InputRule(RuleSource.provider(AwsNames.IAM_ROLE.source()), AwsTypes.ROLE, "name", Text.of(AwsNames.IAM_ROLE)),
            new InputRule(RuleSource.provider("iam/role.go max_session_duration"), AwsTypes.ROLE, "maxSessionDuration", new Between(3600, 43200)),
            new InputRule(RuleSource.provider("iam/role.go description"), AwsTypes.ROLE, "description", Text.matching("^[^\u201C\u2018]*$", 0, 1000)),
            new InputRule(RuleSource.provider("iam/role.go path"), AwsTypes.ROLE, "path", Text.length(0, 512)),
            new InputRule(RuleSource.provider("iam/role.go assume_role_policy"), AwsTypes.ROLE, "assumeRolePolicy", new IsJson()),
            new InputRule(RuleSource.provider("iam/role_policy.go name (validRolePolicyName)"), AwsTypes.ROLE_POLICY, "name", Text.matching(IAM_NAME, 1, 128)),
            new InputRule(RuleSource.provider("iam/role_policy.go role (validResourceName(64))"), AwsTypes.ROLE_POLICY, "role", Text.of(AwsNames.IAM_ROLE)),
            new InputRule(RuleSource.provider("iam/role_policy.go policy (verify.ValidIAMPolicyJSON)"), AwsTypes.ROLE_POLICY, "policy", new IsJson()),
            new InputRule(RuleSource.provider("iam/role_policy_attachment.go policy_arn"), AwsTypes.ROLE_POLICY_ATTACHMENT, "policyArn", ARN),
            new InputRule(RuleSource.provider(AwsNames.IAM_POLICY.source()), AwsTypes.POLICY, "name", Text.of(AwsNames.IAM_POLICY)),
            new InputRule(RuleSource.provider("iam/policy.go policy (verify.ValidIAMPolicyJSON)"), AwsTypes.POLICY, "policy", new IsJson()),

            // CloudWatch Logs: logs/group.go, logs/validate.go.
            new InputRule(RuleSource.provider(AwsNames.LOG_GROUP.source()), AwsTypes.LOG_GROUP, "name", Text.of(AwsNames.LOG_GROUP)),
            new InputRule(RuleSource.provider("logs/group.go retention_in_days"), AwsTypes.LOG_GROUP, "retentionInDays", IntIn.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)),

            // KMS: kms/key.go, kms/alias.go, kms/validate.go.
            new InputRule(RuleSource.provider("kms/key.go deletion_window_in_days"), AwsTypes.KEY, "deletionWindowInDays", new Between(7, 30)),
            new InputRule(RuleSource.provider("kms/key.go description"), AwsTypes.KEY, "description", Text.length(0, 8192)),
            new InputRule(RuleSource.provider("kms/key.go policy"), AwsTypes.KEY, "policy", new IsJson()),
            new InputRule(RuleSource.provider(AwsNames.KMS_ALIAS.source()), AwsTypes.ALIAS, "name", Text.of(AwsNames.KMS_ALIAS)),

            // VPC and subnets: ec2/vpc_.go, ec2/vpc_subnet.go, ec2/vpc_route.go.
            new InputRule(RuleSource.provider("ec2/vpc_.go cidr_block"), AwsTypes.VPC, "cidrBlock", new Ipv4Network()),
            new InputRule(RuleSource.provider("ec2/vpc_.go instance_tenancy"), AwsTypes.VPC, "instanceTenancy", OneOf.of("default", "dedicated")),
            new InputRule(RuleSource.provider("ec2/vpc_subnet.go cidr_block"), AwsTypes.SUBNET, "cidrBlock", new Ipv4Network()),
            new InputRule(RuleSource.provider("ec2/vpc_route.go destination_cidr_block"), AwsTypes.ROUTE, "destinationCidrBlock", new Ipv4Network()),

            // Security groups: ec2/vpc_security_group.go, ec2/validate.go; the rule resources are framework resources
            // (ec2/vpc_security_group_ingress_rule.go) whose description the provider leaves to the EC2 API.
            new InputRule(RuleSource.provider(AwsNames.SECURITY_GROUP.source()), AwsTypes.SECURITY_GROUP, "name", Text.of(AwsNames.SECURITY_GROUP)),
            new InputRule(RuleSource.provider("ec2/vpc_security_group.go description"), AwsTypes.SECURITY_GROUP, "description", Text.length(0, 255)),
            new InputRule(RuleSource.awsApi("EC2 CreateSecurityGroup GroupDescription charset (VPC)"), AwsTypes.SECURITY_GROUP, "description", SG_DESCRIPTION),
            new InputRule(RuleSource.provider("ec2/validate.go validSecurityGroupRuleDescription"), AwsTypes.SECURITY_GROUP, "ingress[].description", SG_DESCRIPTION),
            new InputRule(RuleSource.provider("ec2/validate.go validSecurityGroupRuleDescription"), AwsTypes.SECURITY_GROUP, "egress[].description", SG_DESCRIPTION),
            new InputRule(RuleSource.awsApi("EC2 SecurityGroupRule Description charset"), AwsTypes.INGRESS_RULE, "description", SG_DESCRIPTION),
            new InputRule(RuleSource.awsApi("EC2 SecurityGroupRule Description charset"), AwsTypes.EGRESS_RULE, "description", SG_DESCRIPTION),
            new InputRule(RuleSource.provider("ec2/vpc_security_group_ingress_rule.go cidr_ipv4"), AwsTypes.INGRESS_RULE, "cidrIpv4", new Ipv4Network()),
            new InputRule(RuleSource.provider("ec2/vpc_security_group_ingress_rule.go cidr_ipv4"), AwsTypes.EGRESS_RULE, "cidrIpv4", new Ipv4Network()),

            // Endpoints and flow logs: ec2/vpc_endpoint.go, ec2/vpc_flow_log.go. The endpoint type enum also has
            // Resource and ServiceNetwork in late SDKs; this project never uses them, so they are not listed.
            new InputRule(RuleSource.provider("ec2/vpc_endpoint.go vpc_endpoint_type"), AwsTypes.ENDPOINT, "vpcEndpointType", OneOf.of("Gateway", "GatewayLoadBalancer", "Interface")),
            new InputRule(RuleSource.provider("ec2/vpc_endpoint.go policy"), AwsTypes.ENDPOINT, "policy", new IsJson()),
            new InputRule(RuleSource.provider("ec2/vpc_flow_log.go traffic_type"), AwsTypes.FLOW_LOG, "trafficType", OneOf.of("ACCEPT", "REJECT", "ALL")),
            new InputRule(RuleSource.provider("ec2/vpc_flow_log.go log_destination_type"), AwsTypes.FLOW_LOG, "logDestinationType", OneOf.of("cloud-watch-logs", "s3", "kinesis-data-firehose")),
            new InputRule(RuleSource.provider("ec2/vpc_flow_log.go max_aggregation_interval"), AwsTypes.FLOW_LOG, "maxAggregationInterval", IntIn.of(60, 600)),
            new InputRule(RuleSource.provider("ec2/vpc_flow_log.go iam_role_arn"), AwsTypes.FLOW_LOG, "iamRoleArn", ARN),
            new InputRule(RuleSource.provider("ec2/vpc_flow_log.go log_destination"), AwsTypes.FLOW_LOG, "logDestination", ARN),

            // Transit Gateway: ec2/transitgateway_.go, transitgateway_vpc_attachment.go, transitgateway_route.go.
            // The provider does not validate amazon_side_asn (TypeInt, default 64512); AWS does.
            new InputRule(RuleSource.awsApi("EC2 CreateTransitGateway AmazonSideAsn (64512-65534 or 4200000000-4294967294)"), AwsTypes.TRANSIT_GATEWAY, "amazonSideAsn", new Check.PrivateAsn()),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go auto_accept_shared_attachments"), AwsTypes.TRANSIT_GATEWAY, "autoAcceptSharedAttachments", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go default_route_table_association"), AwsTypes.TRANSIT_GATEWAY, "defaultRouteTableAssociation", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go default_route_table_propagation"), AwsTypes.TRANSIT_GATEWAY, "defaultRouteTablePropagation", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go dns_support"), AwsTypes.TRANSIT_GATEWAY, "dnsSupport", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go multicast_support"), AwsTypes.TRANSIT_GATEWAY, "multicastSupport", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go vpn_ecmp_support"), AwsTypes.TRANSIT_GATEWAY, "vpnEcmpSupport", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_.go transit_gateway_cidr_blocks"), AwsTypes.TRANSIT_GATEWAY, "transitGatewayCidrBlocks", new MaxItems(5)),
            new InputRule(RuleSource.provider("ec2/transitgateway_vpc_attachment.go appliance_mode_support"), AwsTypes.TGW_VPC_ATTACHMENT, "applianceModeSupport", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_vpc_attachment.go dns_support"), AwsTypes.TGW_VPC_ATTACHMENT, "dnsSupport", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_vpc_attachment.go ipv6_support"), AwsTypes.TGW_VPC_ATTACHMENT, "ipv6Support", ENABLE_DISABLE),
            new InputRule(RuleSource.provider("ec2/transitgateway_route.go destination_cidr_block"), AwsTypes.TGW_ROUTE, "destinationCidrBlock", new Ipv4Network()),

            // Route 53: route53/zone.go, route53/record.go (enum.Validate[awstypes.RRType]).
            new InputRule(RuleSource.provider("route53/zone.go name"), AwsTypes.ZONE, "name", Text.length(1, 1024)),
            new InputRule(RuleSource.provider("route53/zone.go comment"), AwsTypes.ZONE, "comment", Text.length(0, 256)),
            new InputRule(RuleSource.provider("route53/record.go type (RRType enum)"), AwsTypes.RECORD, "type", OneOf.of("A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT")),
            new InputRule(RuleSource.provider("route53/record.go name"), AwsTypes.RECORD, "name", Text.length(1, 1024)),
            new InputRule(RuleSource.provider("route53/record.go zone_id"), AwsTypes.RECORD, "zoneId", Text.length(1, 32)),

            // SageMaker: sagemaker/notebook_instance.go, notebook_instance_lifecycle_configuration.go, validate.go.
            // platform_identifier depends on the plugin version: see NotebookPlatforms below.
            new InputRule(RuleSource.provider(AwsNames.SAGEMAKER.source()), NOTEBOOK, "name", Text.of(AwsNames.SAGEMAKER)),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance.go instance_type (InstanceType enum; offline: its shape)"), NOTEBOOK, "instanceType", Text.matching("^ml\\.[a-z0-9]+\\.(medium|large|\\d*xlarge)$", 1, 64)),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance.go root_access"), NOTEBOOK, "rootAccess", OneOf.of("Enabled", "Disabled")),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance.go direct_internet_access"), NOTEBOOK, "directInternetAccess", OneOf.of("Enabled", "Disabled")),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance.go minimum_instance_metadata_service_version"), NOTEBOOK, "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", OneOf.of("1", "2")),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance.go role_arn"), NOTEBOOK, "roleArn", ARN),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance.go additional_code_repositories"), NOTEBOOK, "additionalCodeRepositories", new MaxItems(3)),
            new InputRule(RuleSource.awsApi("SageMaker CreateNotebookInstance VolumeSizeInGB"), NOTEBOOK, "volumeSize", new Between(5, 16384)),
            new InputRule(RuleSource.provider(AwsNames.SAGEMAKER.source()), AwsTypes.NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION, "name", Text.of(AwsNames.SAGEMAKER)),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance_lifecycle_configuration.go on_create"), AwsTypes.NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION, "onCreate", Text.length(1, 16384)),
            new InputRule(RuleSource.provider("sagemaker/notebook_instance_lifecycle_configuration.go on_start"), AwsTypes.NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION, "onStart", Text.length(1, 16384)),
            new InputRule(RuleSource.awsApi("SageMaker NotebookInstanceLifecycleHook Content is base64"), AwsTypes.NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION, "onCreate", new IsBase64()),
            new InputRule(RuleSource.awsApi("SageMaker NotebookInstanceLifecycleHook Content is base64"), AwsTypes.NOTEBOOK_INSTANCE_LIFECYCLE_CONFIGURATION, "onStart", new IsBase64()),

            // Audit (issue 13): cloudtrail/trail.go, s3/bucket*.go, logs/resource_policy.go, route53resolver/query_log_config.go.
            // The bucket name rule is the AWS one: the provider checks it only outside us-east-1 (AwsNames.S3_BUCKET).
            new InputRule(RuleSource.provider(AwsNames.S3_BUCKET.source()), BUCKET, "bucket", Text.of(AwsNames.S3_BUCKET)),
            new InputRule(RuleSource.awsApi("CloudTrail CreateTrail Name (the provider checks 3 to 128 characters)"), TRAIL, "name", Text.of(AwsNames.CLOUDTRAIL)),
            new InputRule(RuleSource.provider("cloudtrail/trail.go kms_key_id (verify.ValidARN)"), TRAIL, "kmsKeyId", ARN),
            new InputRule(RuleSource.provider("cloudtrail/trail.go advanced_event_selector.field_selector.field (consts.go field_Values)"), TRAIL,
                    "advancedEventSelectors[].fieldSelectors[].field", OneOf.of("eventCategory", "eventName", "eventSource", "readOnly",
                            "resources.ARN", "resources.type", "userIdentity.arn", "sessionCredentialFromConsole")),
            new InputRule(RuleSource.provider("cloudtrail/trail.go advanced_event_selector.name"), TRAIL, "advancedEventSelectors[].name", Text.length(0, 1000)),
            new InputRule(RuleSource.provider("s3/bucket_ownership_controls.go object_ownership (ObjectOwnership enum)"), AwsTypes.BUCKET_OWNERSHIP_CONTROLS,
                    "rule.objectOwnership", OneOf.of("BucketOwnerPreferred", "ObjectWriter", "BucketOwnerEnforced")),
            new InputRule(RuleSource.provider("s3/bucket_versioning.go versioning_configuration.status"), AwsTypes.BUCKET_VERSIONING_V2,
                    "versioningConfiguration.status", OneOf.of("Enabled", "Suspended", "Disabled")),
            new InputRule(RuleSource.provider("s3/bucket_server_side_encryption_configuration.go sse_algorithm (ServerSideEncryption enum)"),
                    AwsTypes.BUCKET_SERVER_SIDE_ENCRYPTION_CONFIGURATION_V2,
                    "rules[].applyServerSideEncryptionByDefault.sseAlgorithm", OneOf.of("AES256", "aws:kms", "aws:kms:dsse")),
            new InputRule(RuleSource.provider("s3/bucket_lifecycle_configuration.go rule.status"), LIFECYCLE, "rules[].status", OneOf.of("Enabled", "Disabled")),
            new InputRule(RuleSource.provider("s3/bucket_lifecycle_configuration.go rule.id"), LIFECYCLE, "rules[].id", Text.length(1, 255)),
            new InputRule(RuleSource.provider("s3/bucket_lifecycle_configuration.go transition.storage_class (TransitionStorageClass enum)"), LIFECYCLE,
                    "rules[].transitions[].storageClass", OneOf.of("GLACIER", "STANDARD_IA", "ONEZONE_IA", "INTELLIGENT_TIERING", "DEEP_ARCHIVE", "GLACIER_IR")),
            new InputRule(RuleSource.provider("s3/bucket_policy.go policy (verify.ValidIAMPolicyJSON)"), AwsTypes.BUCKET_POLICY, "policy", new IsJson()),
            new InputRule(RuleSource.provider("logs/resource_policy.go policy_document (verify.ValidIAMPolicyJSON)"), AwsTypes.LOG_RESOURCE_POLICY, "policyDocument", new IsJson()),
            new InputRule(RuleSource.provider(AwsNames.RESOLVER.source()), QUERY_LOG_CONFIG, "name", Text.of(AwsNames.RESOLVER)),
            new InputRule(RuleSource.provider("route53resolver/query_log_config.go destination_arn (verify.ValidARN)"), QUERY_LOG_CONFIG, "destinationArn", ARN),
            // Monitoring (issue 13): cloudwatch/metric_alarm.go, cloudwatch/validate.go (validDashboardName),
            // sns/topic.go, sns/topic_subscription.go, scheduler/schedule.go, scheduler/schedule_group.go,
            // lambda/function_event_invoke_config.go.
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go alarm_name"), ALARM, "name", Text.length(1, 255)),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go alarm_description"), ALARM, "alarmDescription", Text.length(0, 1024)),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go namespace"), ALARM, "namespace", Text.matching("^[^:]+$", 1, 255)),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go comparison_operator (ComparisonOperator enum)"), ALARM, "comparisonOperator", OneOf.of("GreaterThanOrEqualToThreshold", "GreaterThanThreshold", "LessThanThreshold", "LessThanOrEqualToThreshold", "LessThanLowerOrGreaterThanUpperThreshold", "LessThanLowerThreshold", "GreaterThanUpperThreshold")),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go statistic (Statistic enum)"), ALARM, "statistic", OneOf.of("SampleCount", "Average", "Sum", "Minimum", "Maximum")),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go extended_statistic"), ALARM, "extendedStatistic", Text.matching("^((p|(tm)|(wm)|(tc)|(ts))((\\d{1,2}(\\.\\d{1,2})?)|(100))|(IQM)|(((TM)|(WM)|(PR)|(TC)|(TS)))\\((\\d+(\\.\\d+)?%?)?:(\\d+(\\.\\d+)?%?)?\\))$", 1, 64)),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go treat_missing_data"), ALARM, "treatMissingData", OneOf.of("breaching", "notBreaching", "ignore", "missing")),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go evaluate_low_sample_count_percentiles"), ALARM, "evaluateLowSampleCountPercentiles", OneOf.of("evaluate", "ignore")),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go period (10, 30 or a multiple of 60)"), ALARM, "period", new Check.Period()),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go datapoints_to_alarm"), ALARM, "datapointsToAlarm", new Between(1, Integer.MAX_VALUE)),
            new InputRule(RuleSource.awsApi("CloudWatch PutMetricAlarm EvaluationPeriods"), ALARM, "evaluationPeriods", new Between(1, Integer.MAX_VALUE)),
            new InputRule(RuleSource.awsApi("CloudWatch PutMetricAlarm AlarmActions (at most 5)"), ALARM, "alarmActions", new MaxItems(5)),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go ok_actions MaxItems"), ALARM, "okActions", new MaxItems(5)),
            new InputRule(RuleSource.provider("cloudwatch/metric_alarm.go alarm_actions (verify.ValidARN)"), ALARM, "alarmActions[]", ARN),
            new InputRule(RuleSource.provider(AwsNames.DASHBOARD.source()), AwsTypes.DASHBOARD, "dashboardName", Text.of(AwsNames.DASHBOARD)),
            new InputRule(RuleSource.provider("cloudwatch/dashboard.go dashboard_body (StringIsJSON)"), AwsTypes.DASHBOARD, "dashboardBody", new IsJson()),
            new InputRule(RuleSource.provider(AwsNames.SNS_TOPIC.source()), AwsTypes.TOPIC, "name", Text.of(AwsNames.SNS_TOPIC)),
            new InputRule(RuleSource.provider("sns/topic_policy.go policy"), AwsTypes.TOPIC_POLICY, "policy", new IsJson()),
            new InputRule(RuleSource.provider("sns/topic_subscription.go protocol"), AwsTypes.TOPIC_SUBSCRIPTION, "protocol", OneOf.of("application", "email", "email-json", "firehose", "http", "https", "lambda", "sms", "sqs")),
            new InputRule(RuleSource.provider(AwsNames.SCHEDULER.source()), SCHEDULE, "name", Text.of(AwsNames.SCHEDULER)),
            new InputRule(RuleSource.provider("scheduler/schedule.go group_name"), SCHEDULE, "groupName", Text.length(1, 64)),
            new InputRule(RuleSource.provider("scheduler/schedule.go description"), SCHEDULE, "description", Text.length(0, 512)),
            new InputRule(RuleSource.provider("scheduler/schedule.go schedule_expression"), SCHEDULE, "scheduleExpression", Text.length(1, 256)),
            new InputRule(RuleSource.provider("scheduler/schedule.go flexible_time_window.mode (FlexibleTimeWindowMode enum)"), SCHEDULE, "flexibleTimeWindow.mode", OneOf.of("OFF", "FLEXIBLE")),
            new InputRule(RuleSource.provider("scheduler/schedule.go state (ScheduleState enum)"), SCHEDULE, "state", OneOf.of("ENABLED", "DISABLED")),
            new InputRule(RuleSource.provider("scheduler/schedule.go target.arn"), SCHEDULE, "target.arn", ARN),
            new InputRule(RuleSource.provider("scheduler/schedule.go target.role_arn"), SCHEDULE, "target.roleArn", ARN),
            new InputRule(RuleSource.provider("scheduler/schedule.go target.retry_policy.maximum_event_age_in_seconds"), SCHEDULE, "target.retryPolicy.maximumEventAgeInSeconds", new Between(60, 86400)),
            new InputRule(RuleSource.provider("scheduler/schedule.go target.retry_policy.maximum_retry_attempts"), SCHEDULE, "target.retryPolicy.maximumRetryAttempts", new Between(0, 185)),
            new InputRule(RuleSource.provider(AwsNames.SCHEDULER.source()), AwsTypes.SCHEDULE_GROUP, "name", Text.of(AwsNames.SCHEDULER)),
            new InputRule(RuleSource.provider("lambda/function_event_invoke_config.go maximum_event_age_in_seconds"), INVOKE_CONFIG, "maximumEventAgeInSeconds", new Between(60, 21600)),
            new InputRule(RuleSource.provider("lambda/function_event_invoke_config.go maximum_retry_attempts"), INVOKE_CONFIG, "maximumRetryAttempts", new Between(0, 2)),

            // The explicit provider: Pulumi registers it with skipRegionValidation=true, so nothing checks the
            // region before AWS does; a typo would only surface as endpoint errors at `pulumi up`.
            new InputRule(RuleSource.design("project rule: an explicit provider names a real region"), MockResource.PROVIDER_TYPE, "region", Text.matching("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$", 1, 32)));

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
