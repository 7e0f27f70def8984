package com.example.bedrockstream.offline;

import com.example.bedrockstream.config.AwsNames;
import com.example.bedrockstream.config.Cidr;
import com.example.bedrockstream.policy.PolicySizes;
import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

import java.io.IOException;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * What the mock engine never checks but a real {@code pulumi up} does: the input validation of the AWS provider
 * plugin 6.83.0 (bridged from the Terraform AWS provider 5.x, so its rules are that provider's), a few AWS API
 * constraints the provider leaves to AWS, and this project's security perimeter (DESIGN.md §3, §6).
 *
 * <p>Sources: hashicorp/terraform-provider-aws, read through the code index, which holds file versions by commit
 * rather than by tag. Each rule names the file; "5.x" means the rule reads the same in the 5.x versions read
 * (v5.50.0 development line and later v5 files) and in the v6 file, so it holds at v5.100.0, the last 5.x release,
 * which pulumi-aws 6.83.0 tracks. Rules that depend on the AWS SDK enum the provider was built with say so.
 */
public final class ProviderRules {
    private static final String TF = "terraform-provider-aws 5.x internal/service/";
    private static final String AWS_API = "AWS API, not checked by the provider: ";

    /** The plugin a resource without an explicit provider runs under: the pinned SDK's. */
    static final Version DEFAULT_PLUGIN = Version.parse("6.83.0");
    static final String PROVIDER_TYPE = "pulumi:providers:aws";
    static final String NOTEBOOK = "aws:sagemaker/notebookInstance:NotebookInstance";

    private ProviderRules() {
    }

    // ---- checks on one value ------------------------------------------------------------------------------

    /** A constraint on one input value: says what is wrong with {@code value}, or nothing. */
    sealed interface Check {
        Optional<String> problem(Object value);
    }

    record OneOf(Set<String> allowed) implements Check {
        static OneOf of(String... allowed) {
            return new OneOf(Set.of(allowed));
        }

        public Optional<String> problem(Object value) {
            return allowed.contains(String.valueOf(value)) ? Optional.empty()
                    : Optional.of("must be one of " + allowed.stream().sorted().toList());
        }
    }

    record Between(long min, long max) implements Check {
        public Optional<String> problem(Object value) {
            Optional<Long> n = integer(value);
            return n.isPresent() && n.get() >= min && n.get() <= max ? Optional.empty()
                    : Optional.of("must be an integer from " + min + " to " + max);
        }
    }

    record IntIn(Set<Long> allowed) implements Check {
        static IntIn of(long... allowed) {
            return new IntIn(Arrays.stream(allowed).boxed().collect(Collectors.toUnmodifiableSet()));
        }

        public Optional<String> problem(Object value) {
            return integer(value).filter(allowed::contains).isPresent() ? Optional.empty()
                    : Optional.of("must be one of " + allowed.stream().sorted().toList());
        }
    }

    /** A pattern and a length range, the usual shape of a name rule. */
    record Text(Pattern pattern, int minLength, int maxLength) implements Check {
        static Text matching(String regex, int minLength, int maxLength) {
            return new Text(Pattern.compile(regex), minLength, maxLength);
        }

        /** A name rule the config parser also checks the names derived from the stack name with. */
        static Text of(AwsNames name) {
            return new Text(name.pattern(), name.minLength(), name.maxLength());
        }

        static Text length(int minLength, int maxLength) {
            return matching("(?s).*", minLength, maxLength);
        }

        public Optional<String> problem(Object value) {
            String s = String.valueOf(value);
            if (s.length() < minLength || s.length() > maxLength) {
                return Optional.of("length must be " + minLength + " to " + maxLength + ", is " + s.length());
            }
            return pattern.matcher(s).matches() ? Optional.empty() : Optional.of("must match " + pattern.pattern());
        }
    }

    record MaxItems(int max) implements Check {
        public Optional<String> problem(Object value) {
            int size = value instanceof List<?> list ? list.size() : 1;
            return size <= max ? Optional.empty() : Optional.of("at most " + max + " item(s), has " + size);
        }
    }

    record IsJson() implements Check {
        public Optional<String> problem(Object value) {
            return json(String.valueOf(value)).isPresent() ? Optional.empty() : Optional.of("must be valid JSON");
        }
    }

    record IsBase64() implements Check {
        public Optional<String> problem(Object value) {
            try {
                Base64.getDecoder().decode(String.valueOf(value));
                return Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.of("must be base64");
            }
        }
    }

    /** An IPv4 network address in CIDR form, host bits zero (verify.ValidIPv4CIDRNetworkAddress). */
    record Ipv4Network() implements Check {
        public Optional<String> problem(Object value) {
            var m = Pattern.compile("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})/(\\d{1,2})").matcher(String.valueOf(value));
            if (!m.matches() || Integer.parseInt(m.group(5)) > 32) {
                return Optional.of("must be an IPv4 CIDR block");
            }
            long address = 0;
            for (int i = 1; i <= 4; i++) {
                int octet = Integer.parseInt(m.group(i));
                if (octet > 255) {
                    return Optional.of("must be an IPv4 CIDR block");
                }
                address = address << 8 | octet;
            }
            int prefix = Integer.parseInt(m.group(5));
            long hostMask = prefix == 32 ? 0 : (1L << (32 - prefix)) - 1;
            return (address & hostMask) == 0 ? Optional.empty()
                    : Optional.of("must be a network address (host bits zero)");
        }
    }

    // ---- the provider's rules, as data -------------------------------------------------------------------

    /**
     * One validation of one input. {@code input} is a dotted path into the resource's inputs; a segment ending in
     * "[]" applies the rest of the path to every element of that list.
     */
    record Rule(String type, String input, Check check, String source) {
    }

    /** Inline policy names: the characters of IAM names, up to 128 (validRolePolicyName). */
    private static final String IAM_NAME = AwsNames.IAM_ROLE.pattern().pattern();
    /** verify.ValidARN: arn:partition:service:region:account:resource, resource non-empty. */
    private static final Text ARN = Text.matching("^arn:[\\w-]+:[\\w-]+:[\\w-]*:\\d{0,12}:.+$", 1, 2048);
    /** The EC2 API's charset for security group and rule descriptions (ec2/validate.go validSecurityGroupRuleDescription). */
    private static final Text SG_DESCRIPTION = Text.matching("^[A-Za-z0-9 ._\\-:/()#,@\\[\\]+=&;{}!$*]*$", 0, 255);
    private static final OneOf ENABLE_DISABLE = OneOf.of("enable", "disable");

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

    static final List<Rule> RULES = List.of(
            // Lambda: lambda/function.go and lambda/validate.go (validFunctionName, validLogGroupName).
            new Rule("aws:lambda/function:Function", "name", Text.of(AwsNames.LAMBDA_FUNCTION), TF + AwsNames.LAMBDA_FUNCTION.source()),
            new Rule("aws:lambda/function:Function", "runtime", new OneOf(LAMBDA_RUNTIMES), TF + "lambda/function.go runtime (aws-sdk-go-v2 Runtime enum)"),
            new Rule("aws:lambda/function:Function", "architectures", new MaxItems(1), TF + "lambda/function.go architectures MaxItems"),
            new Rule("aws:lambda/function:Function", "architectures[]", OneOf.of("x86_64", "arm64"), TF + "lambda/function.go architectures"),
            new Rule("aws:lambda/function:Function", "memorySize", new Between(128, 10240), TF + "lambda/function.go memory_size"),
            new Rule("aws:lambda/function:Function", "timeout", new Between(1, 900), TF + "lambda/function.go timeout"),
            new Rule("aws:lambda/function:Function", "handler", Text.length(1, 128), TF + "lambda/function.go handler"),
            new Rule("aws:lambda/function:Function", "reservedConcurrentExecutions", new Between(-1, Integer.MAX_VALUE), TF + "lambda/function.go reserved_concurrent_executions"),
            new Rule("aws:lambda/function:Function", "role", ARN, TF + "lambda/function.go role (verify.ValidARN)"),
            new Rule("aws:lambda/function:Function", "loggingConfig.logFormat", OneOf.of("JSON", "Text"), TF + "lambda/function.go logging_config.log_format"),
            new Rule("aws:lambda/function:Function", "loggingConfig.logGroup", Text.of(AwsNames.LOG_GROUP), TF + "lambda/validate.go validLogGroupName"),
            new Rule("aws:lambda/permission:Permission", "action", Text.matching("^(lambda:[*]|lambda:[A-Za-z]+|[*])$", 1, 256), TF + "lambda/validate.go validPermissionAction"),
            new Rule("aws:lambda/permission:Permission", "statementId", Text.matching("^[0-9A-Za-z_-]+$", 1, 100), TF + "lambda/validate.go validPolicyStatementID"),

            // IAM: iam/role.go, iam/role_policy.go, iam/validate.go (validResourceName, validRolePolicyName).
            new Rule("aws:iam/role:Role", "name", Text.of(AwsNames.IAM_ROLE), TF + AwsNames.IAM_ROLE.source()),
            new Rule("aws:iam/role:Role", "maxSessionDuration", new Between(3600, 43200), TF + "iam/role.go max_session_duration"),
            new Rule("aws:iam/role:Role", "description", Text.matching("^[^\u201C\u2018]*$", 0, 1000), TF + "iam/role.go description"),
            new Rule("aws:iam/role:Role", "path", Text.length(0, 512), TF + "iam/role.go path"),
            new Rule("aws:iam/role:Role", "assumeRolePolicy", new IsJson(), TF + "iam/role.go assume_role_policy"),
            new Rule("aws:iam/rolePolicy:RolePolicy", "name", Text.matching(IAM_NAME, 1, 128), TF + "iam/role_policy.go name (validRolePolicyName)"),
            new Rule("aws:iam/rolePolicy:RolePolicy", "role", Text.of(AwsNames.IAM_ROLE), TF + "iam/role_policy.go role (validResourceName(64))"),
            new Rule("aws:iam/rolePolicy:RolePolicy", "policy", new IsJson(), TF + "iam/role_policy.go policy (verify.ValidIAMPolicyJSON)"),
            new Rule("aws:iam/rolePolicyAttachment:RolePolicyAttachment", "policyArn", ARN, TF + "iam/role_policy_attachment.go policy_arn"),

            // CloudWatch Logs: logs/group.go, logs/validate.go.
            new Rule("aws:cloudwatch/logGroup:LogGroup", "name", Text.of(AwsNames.LOG_GROUP), TF + AwsNames.LOG_GROUP.source()),
            new Rule("aws:cloudwatch/logGroup:LogGroup", "retentionInDays",
                    IntIn.of(0, 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653),
                    TF + "logs/group.go retention_in_days"),

            // KMS: kms/key.go, kms/alias.go, kms/validate.go.
            new Rule("aws:kms/key:Key", "deletionWindowInDays", new Between(7, 30), TF + "kms/key.go deletion_window_in_days"),
            new Rule("aws:kms/key:Key", "description", Text.length(0, 8192), TF + "kms/key.go description"),
            new Rule("aws:kms/key:Key", "policy", new IsJson(), TF + "kms/key.go policy"),
            new Rule("aws:kms/alias:Alias", "name", Text.of(AwsNames.KMS_ALIAS), TF + AwsNames.KMS_ALIAS.source()),

            // VPC and subnets: ec2/vpc_.go, ec2/vpc_subnet.go, ec2/vpc_route.go.
            new Rule("aws:ec2/vpc:Vpc", "cidrBlock", new Ipv4Network(), TF + "ec2/vpc_.go cidr_block"),
            new Rule("aws:ec2/vpc:Vpc", "instanceTenancy", OneOf.of("default", "dedicated"), TF + "ec2/vpc_.go instance_tenancy"),
            new Rule("aws:ec2/subnet:Subnet", "cidrBlock", new Ipv4Network(), TF + "ec2/vpc_subnet.go cidr_block"),
            new Rule("aws:ec2/route:Route", "destinationCidrBlock", new Ipv4Network(), TF + "ec2/vpc_route.go destination_cidr_block"),

            // Security groups: ec2/vpc_security_group.go, ec2/validate.go; the rule resources are framework resources
            // (ec2/vpc_security_group_ingress_rule.go) whose description the provider leaves to the EC2 API.
            new Rule("aws:ec2/securityGroup:SecurityGroup", "name", Text.of(AwsNames.SECURITY_GROUP), TF + AwsNames.SECURITY_GROUP.source()),
            new Rule("aws:ec2/securityGroup:SecurityGroup", "description", Text.length(0, 255), TF + "ec2/vpc_security_group.go description"),
            new Rule("aws:ec2/securityGroup:SecurityGroup", "description", SG_DESCRIPTION, AWS_API + "EC2 CreateSecurityGroup GroupDescription charset (VPC)"),
            new Rule("aws:ec2/securityGroup:SecurityGroup", "ingress[].description", SG_DESCRIPTION, TF + "ec2/validate.go validSecurityGroupRuleDescription"),
            new Rule("aws:ec2/securityGroup:SecurityGroup", "egress[].description", SG_DESCRIPTION, TF + "ec2/validate.go validSecurityGroupRuleDescription"),
            new Rule("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "description", SG_DESCRIPTION, AWS_API + "EC2 SecurityGroupRule Description charset"),
            new Rule("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "description", SG_DESCRIPTION, AWS_API + "EC2 SecurityGroupRule Description charset"),
            new Rule("aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", "cidrIpv4", new Ipv4Network(), TF + "ec2/vpc_security_group_ingress_rule.go cidr_ipv4"),
            new Rule("aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", "cidrIpv4", new Ipv4Network(), TF + "ec2/vpc_security_group_ingress_rule.go cidr_ipv4"),

            // Endpoints and flow logs: ec2/vpc_endpoint.go, ec2/vpc_flow_log.go. The endpoint type enum also has
            // Resource and ServiceNetwork in late SDKs; this project never uses them, so they are not listed.
            new Rule("aws:ec2/vpcEndpoint:VpcEndpoint", "vpcEndpointType", OneOf.of("Gateway", "GatewayLoadBalancer", "Interface"), TF + "ec2/vpc_endpoint.go vpc_endpoint_type"),
            new Rule("aws:ec2/vpcEndpoint:VpcEndpoint", "policy", new IsJson(), TF + "ec2/vpc_endpoint.go policy"),
            new Rule("aws:ec2/flowLog:FlowLog", "trafficType", OneOf.of("ACCEPT", "REJECT", "ALL"), TF + "ec2/vpc_flow_log.go traffic_type"),
            new Rule("aws:ec2/flowLog:FlowLog", "logDestinationType", OneOf.of("cloud-watch-logs", "s3", "kinesis-data-firehose"), TF + "ec2/vpc_flow_log.go log_destination_type"),
            new Rule("aws:ec2/flowLog:FlowLog", "maxAggregationInterval", IntIn.of(60, 600), TF + "ec2/vpc_flow_log.go max_aggregation_interval"),
            new Rule("aws:ec2/flowLog:FlowLog", "iamRoleArn", ARN, TF + "ec2/vpc_flow_log.go iam_role_arn"),
            new Rule("aws:ec2/flowLog:FlowLog", "logDestination", ARN, TF + "ec2/vpc_flow_log.go log_destination"),

            // Transit Gateway: ec2/transitgateway_.go, transitgateway_vpc_attachment.go, transitgateway_route.go.
            // The provider does not validate amazon_side_asn (TypeInt, default 64512); AWS does.
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "amazonSideAsn", new PrivateAsn(), AWS_API + "EC2 CreateTransitGateway AmazonSideAsn (64512-65534 or 4200000000-4294967294)"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "autoAcceptSharedAttachments", ENABLE_DISABLE, TF + "ec2/transitgateway_.go auto_accept_shared_attachments"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "defaultRouteTableAssociation", ENABLE_DISABLE, TF + "ec2/transitgateway_.go default_route_table_association"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "defaultRouteTablePropagation", ENABLE_DISABLE, TF + "ec2/transitgateway_.go default_route_table_propagation"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "dnsSupport", ENABLE_DISABLE, TF + "ec2/transitgateway_.go dns_support"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "multicastSupport", ENABLE_DISABLE, TF + "ec2/transitgateway_.go multicast_support"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "vpnEcmpSupport", ENABLE_DISABLE, TF + "ec2/transitgateway_.go vpn_ecmp_support"),
            new Rule("aws:ec2transitgateway/transitGateway:TransitGateway", "transitGatewayCidrBlocks", new MaxItems(5), TF + "ec2/transitgateway_.go transit_gateway_cidr_blocks"),
            new Rule("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "applianceModeSupport", ENABLE_DISABLE, TF + "ec2/transitgateway_vpc_attachment.go appliance_mode_support"),
            new Rule("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "dnsSupport", ENABLE_DISABLE, TF + "ec2/transitgateway_vpc_attachment.go dns_support"),
            new Rule("aws:ec2transitgateway/vpcAttachment:VpcAttachment", "ipv6Support", ENABLE_DISABLE, TF + "ec2/transitgateway_vpc_attachment.go ipv6_support"),
            new Rule("aws:ec2transitgateway/route:Route", "destinationCidrBlock", new Ipv4Network(), TF + "ec2/transitgateway_route.go destination_cidr_block"),

            // Route 53: route53/zone.go, route53/record.go (enum.Validate[awstypes.RRType]).
            new Rule("aws:route53/zone:Zone", "name", Text.length(1, 1024), TF + "route53/zone.go name"),
            new Rule("aws:route53/zone:Zone", "comment", Text.length(0, 256), TF + "route53/zone.go comment"),
            new Rule("aws:route53/record:Record", "type",
                    OneOf.of("A", "AAAA", "CAA", "CNAME", "DS", "HTTPS", "MX", "NAPTR", "NS", "PTR", "SOA", "SPF", "SRV", "SSHFP", "SVCB", "TLSA", "TXT"),
                    TF + "route53/record.go type (RRType enum)"),
            new Rule("aws:route53/record:Record", "name", Text.length(1, 1024), TF + "route53/record.go name"),
            new Rule("aws:route53/record:Record", "zoneId", Text.length(1, 32), TF + "route53/record.go zone_id"),

            // SageMaker: sagemaker/notebook_instance.go, notebook_instance_lifecycle_configuration.go, validate.go.
            // platform_identifier depends on the plugin version: see NotebookPlatforms below.
            new Rule(NOTEBOOK, "name", Text.of(AwsNames.SAGEMAKER), TF + AwsNames.SAGEMAKER.source()),
            new Rule(NOTEBOOK, "instanceType", Text.matching("^ml\\.[a-z0-9]+\\.(medium|large|\\d*xlarge)$", 1, 64),
                    TF + "sagemaker/notebook_instance.go instance_type (InstanceType enum; offline: its shape)"),
            new Rule(NOTEBOOK, "rootAccess", OneOf.of("Enabled", "Disabled"), TF + "sagemaker/notebook_instance.go root_access"),
            new Rule(NOTEBOOK, "directInternetAccess", OneOf.of("Enabled", "Disabled"), TF + "sagemaker/notebook_instance.go direct_internet_access"),
            new Rule(NOTEBOOK, "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", OneOf.of("1", "2"),
                    TF + "sagemaker/notebook_instance.go minimum_instance_metadata_service_version"),
            new Rule(NOTEBOOK, "roleArn", ARN, TF + "sagemaker/notebook_instance.go role_arn"),
            new Rule(NOTEBOOK, "additionalCodeRepositories", new MaxItems(3), TF + "sagemaker/notebook_instance.go additional_code_repositories"),
            new Rule(NOTEBOOK, "volumeSize", new Between(5, 16384), AWS_API + "SageMaker CreateNotebookInstance VolumeSizeInGB"),
            new Rule("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "name",
                    Text.of(AwsNames.SAGEMAKER), TF + AwsNames.SAGEMAKER.source()),
            new Rule("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "onCreate",
                    Text.length(1, 16384), TF + "sagemaker/notebook_instance_lifecycle_configuration.go on_create"),
            new Rule("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "onStart",
                    Text.length(1, 16384), TF + "sagemaker/notebook_instance_lifecycle_configuration.go on_start"),
            new Rule("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "onCreate",
                    new IsBase64(), AWS_API + "SageMaker NotebookInstanceLifecycleHook Content is base64"),
            new Rule("aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "onStart",
                    new IsBase64(), AWS_API + "SageMaker NotebookInstanceLifecycleHook Content is base64"),

            // The explicit provider: Pulumi registers it with skipRegionValidation=true, so nothing checks the
            // region before AWS does; a typo would only surface as endpoint errors at `pulumi up`.
            new Rule(PROVIDER_TYPE, "region", Text.matching("^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\\d$", 1, 32), "project rule: an explicit provider names a real region"));

    /** A private ASN as EC2 accepts one for a Transit Gateway's Amazon side. */
    record PrivateAsn() implements Check {
        public Optional<String> problem(Object value) {
            Optional<Long> asn = integer(value);
            boolean ok = asn.isPresent() && (asn.get() >= 64512 && asn.get() <= 65534
                    || asn.get() >= 4_200_000_000L && asn.get() <= 4_294_967_294L);
            return ok ? Optional.empty() : Optional.of("must be 64512-65534 or 4200000000-4294967294");
        }
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

    // ---- the security perimeter (DESIGN.md §3) -----------------------------------------------------------

    /** Resources that would give a stack a way to or from the internet. */
    static final Set<String> PUBLIC_TYPES = Set.of(
            "aws:ec2/internetGateway:InternetGateway", "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway",
            "aws:ec2/natGateway:NatGateway", "aws:ec2/eip:Eip", "aws:ec2/eipAssociation:EipAssociation");

    /** Where each resource type that can admit traffic keeps its CIDRs (a "[]" path visits every element). */
    static final Map<String, List<String>> CIDR_INPUTS = Map.of(
            "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule", List.of("cidrIpv4", "cidrIpv6"),
            "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule", List.of("cidrIpv4", "cidrIpv6"),
            "aws:ec2/securityGroupRule:SecurityGroupRule", List.of("cidrBlocks[]", "ipv6CidrBlocks[]"),
            "aws:ec2/securityGroup:SecurityGroup", List.of("ingress[].cidrBlocks[]", "ingress[].ipv6CidrBlocks[]",
                    "egress[].cidrBlocks[]", "egress[].ipv6CidrBlocks[]"));

    /** Inputs a resource must carry, with the value they must have (null: any value). */
    record Required(String type, String input, String value, String why) {
    }

    static final List<Required> REQUIRED = List.of(
            new Required("aws:cloudwatch/logGroup:LogGroup", "kmsKeyId", null, "log groups are encrypted with the stack's key"),
            new Required("aws:cloudwatch/logGroup:LogGroup", "retentionInDays", null, "log groups expire (0 or unset keeps them forever)"),
            new Required("aws:lambda/function:Function", "vpcConfig.subnetIds", null, "functions run in the private subnets"),
            new Required(NOTEBOOK, "directInternetAccess", "Disabled", "notebooks have no direct internet access (the default is Enabled)"),
            new Required(NOTEBOOK, "rootAccess", "Disabled", "notebooks have no root access (the default is Enabled)"),
            new Required(NOTEBOOK, "kmsKeyId", null, "notebook volumes are encrypted with a customer-managed key"),
            new Required(NOTEBOOK, "instanceMetadataServiceConfiguration.minimumInstanceMetadataServiceVersion", "2", "notebooks allow IMDSv2 only"),
            new Required("aws:ec2/vpcEndpoint:VpcEndpoint", "policy", null, "endpoint policies are never the default full access"),
            new Required(PROVIDER_TYPE, "allowedAccountIds", null, "explicit providers are pinned to the stack's account, like the default one"));

    // ---- running the checks ------------------------------------------------------------------------------

    public static List<String> check(OfflineRun run) {
        var violations = new ArrayList<String>();
        for (MockResource resource : run.resources()) {
            for (Rule rule : RULES) {
                if (rule.type().equals(resource.type())) {
                    values(resource.inputs(), rule.input(), "").forEach((path, value) -> rule.check().problem(value)
                            .ifPresent(p -> violations.add(describe(resource, path, value, p, rule.source()))));
                }
            }
            perimeter(resource).forEach(violations::add);
            if (resource.type().equals(NOTEBOOK)) {
                notebookPlatform(run, resource).ifPresent(violations::add);
            }
            policySize(resource).ifPresent(violations::add);
        }
        inlinePolicySizes(run).forEach(violations::add);
        return violations;
    }

    /**
     * VPC blocks that overlap across stacks: an overlap with the hub breaks routing over the Transit Gateway, and
     * spokes never see each other's config, so only a view of every stack file finds one spoke overlapping another.
     */
    public static List<String> overlappingVpcs(List<OfflineRun> runs) {
        record Block(String stack, String vpc, Cidr cidr) {
        }
        var blocks = new ArrayList<Block>();
        for (OfflineRun run : runs) {
            for (MockResource vpc : run.ofType("aws:ec2/vpc:Vpc")) {
                vpc.input("cidrBlock").flatMap(c -> Cidr.parse(String.valueOf(c)))
                        .ifPresent(c -> blocks.add(new Block(run.stack(), vpc.name(), c)));
            }
        }
        var found = new ArrayList<String>();
        for (int i = 0; i < blocks.size(); i++) {
            for (int j = i + 1; j < blocks.size(); j++) {
                Block a = blocks.get(i);
                Block b = blocks.get(j);
                if (a.cidr().overlaps(b.cidr())) {
                    found.add("VPC " + a.vpc() + " " + a.cidr() + " (stack " + a.stack() + ") overlaps VPC " + b.vpc()
                            + " " + b.cidr() + " (stack " + b.stack() + ") [design §2: blocks routed over the Transit"
                            + " Gateway must be distinct]");
                }
            }
        }
        return found;
    }

    // ---- AWS's policy size quotas ------------------------------------------------------------------------

    private static final String ROLE_POLICY = "aws:iam/rolePolicy:RolePolicy";
    private static final String SIZE_SOURCE = AWS_API + "IAM and STS quotas, AWS PrivateLink quotas";

    /** An endpoint policy (every character counts) or a role trust policy over its quota. */
    private static Optional<String> policySize(MockResource resource) {
        if (resource.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint")) {
            return resource.input("policy").filter(ProviderRules::present).map(String::valueOf)
                    .flatMap(p -> PolicySizes.endpointPolicy("the endpoint policy", p))
                    .map(problem -> describeRendered(resource, "policy", "(document)", problem, SIZE_SOURCE));
        }
        if (resource.type().equals("aws:iam/role:Role")) {
            return resource.input("assumeRolePolicy").filter(ProviderRules::present).map(String::valueOf)
                    .flatMap(p -> PolicySizes.trustPolicy("the trust policy", p))
                    .map(problem -> describeRendered(resource, "assumeRolePolicy", "(document)", problem, SIZE_SOURCE));
        }
        return Optional.empty();
    }

    /** IAM limits the inline policies of one role together, so they are added up per role. */
    private static Stream<String> inlinePolicySizes(OfflineRun run) {
        var byRole = new LinkedHashMap<String, List<MockResource>>();
        run.resources().stream().filter(r -> r.type().equals(ROLE_POLICY))
                .forEach(r -> byRole.computeIfAbsent(String.valueOf(r.input("role").orElse("")), k -> new ArrayList<>()).add(r));
        return byRole.entrySet().stream().flatMap(role -> {
            return PolicySizes.inlinePolicies("the inline policies " + role.getValue().stream().map(MockResource::name)
                                    .toList() + " together",
                            role.getValue().stream().map(r -> String.valueOf(r.input("policy").orElse(""))).toList())
                    .map(problem -> "aws:iam/role:Role " + role.getKey() + ": " + problem + " [" + SIZE_SOURCE + "]")
                    .stream();
        });
    }

    private static Stream<String> perimeter(MockResource resource) {
        var found = new ArrayList<String>();
        if (PUBLIC_TYPES.contains(resource.type())) {
            found.add(resource.type() + " " + resource.name() + ": this resource type is not allowed"
                    + " [perimeter: no internet gateway, NAT gateway or public IP]");
        }
        if (resource.type().equals("aws:ec2/subnet:Subnet") && Boolean.TRUE.equals(resource.input("mapPublicIpOnLaunch").orElse(false))) {
            found.add(describe(resource, "mapPublicIpOnLaunch", true, "must be false", "perimeter: no public subnet"));
        }
        CIDR_INPUTS.getOrDefault(resource.type(), List.of()).forEach(input -> values(resource.inputs(), input, "")
                .forEach((path, cidr) -> {
                    if (String.valueOf(cidr).endsWith("/0")) {
                        found.add(describe(resource, path, cidr, "must not be open to the whole internet",
                                "perimeter: security groups admit known CIDRs only"));
                    }
                }));
        for (Required required : REQUIRED) {
            if (required.type().equals(resource.type())) {
                Optional<Object> value = resource.input(required.input()).filter(ProviderRules::present);
                boolean ok = required.value() == null ? value.isPresent()
                        : value.map(String::valueOf).filter(required.value()::equals).isPresent();
                if (!ok) {
                    found.add(describeRendered(resource, required.input(), value.map(ProviderRules::render).orElse("(unset)"),
                            required.value() == null ? "must be set" : "must be \"" + required.value() + "\"",
                            "perimeter: " + required.why()));
                }
            }
        }
        if (resource.type().equals("aws:ec2/vpcEndpoint:VpcEndpoint")) {
            resource.input("policy").filter(ProviderRules::present)
                    .flatMap(policy -> endpointPolicyProblem(String.valueOf(policy)))
                    .ifPresent(problem -> found.add(describeRendered(resource, "policy", "(document)", problem,
                            "perimeter: endpoint policies are never *")));
        }
        return found.stream();
    }

    /** What makes an endpoint policy as open as the default one, if anything. */
    static Optional<String> endpointPolicyProblem(String policy) {
        Optional<JsonElement> document = json(policy);
        if (document.isEmpty() || !document.get().isJsonObject()) {
            return Optional.of("must be a JSON policy document");
        }
        JsonElement statements = document.get().getAsJsonObject().get("Statement");
        List<JsonElement> list = statements == null ? List.of()
                : statements.isJsonArray() ? StreamSupport.stream(statements.getAsJsonArray().spliterator(), false).toList()
                : List.of(statements);
        for (JsonElement statement : list) {
            if (!statement.isJsonObject()) {
                return Optional.of("every statement must be an object");
            }
            JsonObject s = statement.getAsJsonObject();
            if (hasWildcard(s.get("Action"))) {
                return Optional.of("no statement may allow Action \"*\"");
            }
            if (hasWildcard(s.get("Principal"))) {
                return Optional.of("no statement may name Principal \"*\"");
            }
        }
        return list.isEmpty() ? Optional.of("must have statements") : Optional.empty();
    }

    /** "*", ["*"], {"AWS": "*"} or {"AWS": ["*"]}. */
    private static boolean hasWildcard(JsonElement element) {
        if (element == null || element.isJsonNull()) {
            return false;
        }
        if (element.isJsonPrimitive()) {
            return element.getAsString().equals("*");
        }
        if (element.isJsonArray()) {
            JsonArray array = element.getAsJsonArray();
            return StreamSupport.stream(array.spliterator(), false).anyMatch(ProviderRules::hasWildcard);
        }
        return element.getAsJsonObject().entrySet().stream().anyMatch(e -> hasWildcard(e.getValue()));
    }

    /** The platform check: the plugin the notebook is created through must know its platform. */
    private static Optional<String> notebookPlatform(OfflineRun run, MockResource notebook) {
        Optional<Object> platform = notebook.input("platformIdentifier").filter(ProviderRules::present);
        if (platform.isEmpty()) {
            return Optional.empty();
        }
        String value = String.valueOf(platform.get());
        Version since = NOTEBOOK_PLATFORMS.get(value);
        String source = TF + "sagemaker/notebook_instance.go platform_identifier; notebook-al2023-v1 from pulumi-aws 7.11.0";
        if (since == null) {
            return Optional.of(describe(notebook, "platformIdentifier", value,
                    "must be one of " + NOTEBOOK_PLATFORMS.keySet().stream().sorted().toList(), source));
        }
        Optional<MockResource> provider = run.explicitProvider(notebook);
        if (notebook.provider().isPresent() && provider.isEmpty()) {
            return Optional.of(describe(notebook, "platformIdentifier", value, "needs its provider " + notebook.provider().get()
                    + " to be a registered " + PROVIDER_TYPE + " resource", source));
        }
        Version plugin = provider.flatMap(MockResource::pluginVersion).map(Version::parse).orElse(DEFAULT_PLUGIN);
        if (plugin.compareTo(since) >= 0) {
            return Optional.empty();
        }
        String through = provider.map(p -> "explicit provider " + p.name() + " with plugin " + p.pluginVersion().orElse(DEFAULT_PLUGIN + " (no version option)"))
                .orElse("the default provider (plugin " + DEFAULT_PLUGIN + ")");
        return Optional.of(describe(notebook, "platformIdentifier", value, "needs AWS provider plugin >= " + since
                + ", but is registered through " + through + "; register it through an explicit " + PROVIDER_TYPE
                + " whose version option is >= " + since, source));
    }

    // ---- helpers -----------------------------------------------------------------------------------------

    private static String describe(MockResource resource, String input, Object value, String problem, String source) {
        return describeRendered(resource, input, render(value), problem, source);
    }

    private static String describeRendered(MockResource resource, String input, String value, String problem, String source) {
        return resource.type() + " " + resource.name() + ": " + input + " = " + value + " " + problem + " [" + source + "]";
    }

    private static String render(Object value) {
        String text = value instanceof Number n && integer(n).isPresent() ? String.valueOf(integer(n).get())
                : value instanceof String s ? "\"" + s + "\"" : String.valueOf(value);
        return text.length() > 120 ? text.substring(0, 117) + "..." : text;
    }

    /** An unset, null or empty input: the provider treats these as not given. */
    private static boolean present(Object value) {
        return value != null && !(value instanceof String s && s.isEmpty()) && !(value instanceof List<?> l && l.isEmpty())
                && !(value instanceof Number n && n.doubleValue() == 0);
    }

    /** The values at {@code path} under {@code root}, by their concrete path ("ingress[0].cidrBlocks[1]"). */
    static Map<String, Object> values(Object root, String path, String prefix) {
        var out = new LinkedHashMap<String, Object>();
        int dot = path.indexOf('.');
        String head = dot < 0 ? path : path.substring(0, dot);
        String rest = dot < 0 ? "" : path.substring(dot + 1);
        boolean each = head.endsWith("[]");
        String key = each ? head.substring(0, head.length() - 2) : head;
        if (!(root instanceof Map<?, ?> map) || map.get(key) == null) {
            return out;
        }
        Object value = map.get(key);
        String here = prefix + key;
        if (each) {
            List<?> items = value instanceof List<?> list ? list : List.of(value);
            for (int i = 0; i < items.size(); i++) {
                String at = here + "[" + i + "]";
                if (rest.isEmpty()) {
                    out.put(at, items.get(i));
                } else {
                    out.putAll(values(items.get(i), rest, at + "."));
                }
            }
        } else if (rest.isEmpty()) {
            out.put(here, value);
        } else {
            out.putAll(values(value, rest, here + "."));
        }
        return out;
    }

    private static Optional<Long> integer(Object value) {
        try {
            double d = value instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(value));
            return d == Math.rint(d) && !Double.isInfinite(d) ? Optional.of((long) d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Strict JSON, as the provider's StringIsJSON reads it (Gson's default would accept unquoted names). */
    private static Optional<JsonElement> json(String text) {
        try (var reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement element = new Gson().getAdapter(JsonElement.class).read(reader);
            return reader.peek() == JsonToken.END_DOCUMENT ? Optional.of(element) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
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
