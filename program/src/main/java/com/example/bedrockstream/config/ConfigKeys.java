package com.example.bedrockstream.config;

import com.example.bedrockstream.config.ConfigKey.Type;
import com.example.bedrockstream.domain.AuditSettings;
import com.example.bedrockstream.domain.AwsRegions;
import com.example.bedrockstream.domain.Cidr;
import com.example.bedrockstream.domain.ConfigProblem;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.domain.SecretString;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every key of the project's config, in Pulumi.yaml's order, each with its own check: the one place to read what a key
 * accepts. Checks that weigh a key against another key or another stack are {@link StackConfigParser}'s, and name
 * the key through its constant here, so a search for the constant finds all of them.
 */
public final class ConfigKeys {
    private static final Set<Role> ALL = EnumSet.allOf(Role.class);
    private static final Set<Role> ML = EnumSet.of(Role.ML);
    private static final Set<Role> HUB = EnumSet.of(Role.APP_HUB);
    private static final Set<Role> SPOKE = EnumSet.of(Role.APP_SPOKE);
    private static final Set<Role> APPLICATION = EnumSet.of(Role.APP_HUB, Role.APP_SPOKE);
    /** The roles that own an account's trail: a spoke shares the hub's account. */
    private static final Set<Role> ACCOUNT_OWNERS = EnumSet.of(Role.ML, Role.APP_HUB);

    private static final Pattern ACCOUNT_ID_SHAPE = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME_PREFIX_SHAPE = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,32}");
    /** Also what the application stacks check the external id they read from another stack against. */
    static final Pattern EXTERNAL_ID_SHAPE = Pattern.compile("[\\w+=,.@:/-]{16,1224}");
    private static final Pattern STS_ENDPOINT_ID_SHAPE = Pattern.compile("vpce-[0-9a-f]{8,17}");
    private static final Pattern STACK_NAME_SHAPE = Pattern.compile("[\\w.-]+/[\\w.-]+/[\\w.-]+");
    private static final Pattern INSTANCE_TYPE_SHAPE = Pattern.compile("ml\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern EMAIL_SHAPE = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    /** A security group holds 60 inbound rules unless the quota is raised; the VPC's own block takes one. */
    static final int MAX_NOTEBOOK_USER_CIDRS = 59;
    /** The values CloudWatch Logs accepts; 0 (never expire) is refused on purpose. */
    static final Set<Integer> CLOUDWATCH_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);
    /** Shorter than this, a trail adds little to CloudTrail's own 90-day event history. */
    static final int SHORTEST_EXPIRATION_DAYS = 90;

    private ConfigKeys() {
    }

    /** The provider's key, which Pulumi.yaml does not declare; the README documents it by hand. */
    public static final ConfigKey<String> REGION = ConfigKey.required("aws:region", ALL, Type.STRING,
            "Region of the stack.", "Region of the stack.",
            (in, key) -> in.required(key, AwsRegions::isRegion, "an AWS region name such as us-east-1"));

    public static final ConfigKey<Role> ROLE =
            ConfigKey.required("role", ALL, Type.STRING,
            "Which composition this stack runs: ml (ML account), app-hub (application account, hub region) or "
            + "app-spoke (application account, another region).",
            "`ml`, `app-hub` or `app-spoke`.",
            ConfigKeys::role);
    public static final ConfigKey<String> ACCOUNT_ID =
            ConfigKey.required("accountId", ALL, Type.STRING,
            "The 12-digit id of the AWS account this stack deploys into.",
            "The 12-digit account the stack deploys into (`app-hub`: the account the invoker role trusts).",
            pattern(ACCOUNT_ID_SHAPE, "the 12-digit id of the AWS account this stack deploys into"));
    public static final ConfigKey<Cidr> VPC_CIDR =
            ConfigKey.required("vpcCidr", ALL, Type.STRING,
            "The stack's VPC block, private (RFC 1918), /16 to /26; one private subnet per zone is carved "
            + "from it. Must not overlap the other stacks' blocks.",
            "Private (RFC 1918) block, /16 to /26; one private subnet per zone is carved from it; must not "
            + "overlap the ML VPC, the hub VPC or another spoke.",
            ConfigKeys::vpcBlock);
    public static final ConfigKey<List<String>> AVAILABILITY_ZONES =
            ConfigKey.required("availabilityZones", ALL, Type.STRING_LIST,
            "At least two availability zones of the stack's region, one private subnet each.",
            "At least two zones of the stack's region, each offering the stack's endpoint services (checked "
            + "at preview, below).",
            ConfigKeys::availabilityZones);
    public static final ConfigKey<Integer> LOG_RETENTION_DAYS =
            ConfigKey.withDefault("logRetentionDays", ALL, Type.INTEGER, "90",
            "Retention of every log group (flow logs, functions), one of the values CloudWatch Logs accepts.",
            "Retention of every log group; one of the values CloudWatch Logs accepts (never \"forever\").",
            logRetention("a CloudWatch Logs retention in days, one of "));
    public static final ConfigKey<String> APP_ACCOUNT_ID =
            ConfigKey.withDefault("appAccountId", ML, Type.STRING, "",
            "The application account whose prefixed roles may assume the invoker role.",
            "The application account whose prefixed roles may assume the invoker role.",
            pattern(ACCOUNT_ID_SHAPE, "the 12-digit id of the application account whose roles may assume the invoker role"));
    public static final ConfigKey<String> INVOKER_PRINCIPAL_PREFIX =
            ConfigKey.withDefault("invokerPrincipalPrefix", ML, Type.STRING, "",
            "Role-name prefix (no '*') an application-account role must carry to assume the invoker role; the "
            + "hub names its callers with it.",
            "Role-name prefix (no `*`) a caller role must carry; the hub names its callers with it.",
            pattern(ROLE_NAME_PREFIX_SHAPE, "an IAM role-name prefix of 1 to 32 characters from [A-Za-z0-9+=,.@_-], no '*' "
                    + "(e.g. bedrock-app-)"));
    public static final ConfigKey<SecretString> EXTERNAL_ID =
            ConfigKey.secret("externalId", ML,
            "External id the invoker role requires. Secret: pulumi config set --secret externalId \"$(openssl "
            + "rand -hex 24)\".",
            "External id the invoker role requires. Set with `--secret` (below).",
            ConfigKeys::externalId);
    public static final ConfigKey<List<ModelId>> ALLOWED_MODEL_IDS =
            ConfigKey.withDefault("allowedModelIds", ML, Type.STRING_LIST, "[]",
            "Foundation-model or inference-profile ids the ML function may call; nothing else is allowed "
            + "anywhere. Name only models AWS lists as Active (the preflight checks each).",
            "Foundation-model or inference-profile ids the function may call; nothing else is allowed "
            + "anywhere. Name only models AWS lists as Active (the preflight checks).",
            ConfigKeys::models);
    public static final ConfigKey<ModelId> CANARY_MODEL_ID =
            ConfigKey.withDefault("canaryModelId", ML, Type.STRING, "",
            "The allowed model the application stacks' canaries (and the verify command's first call) send "
            + "their prompt to; one of allowedModelIds.",
            "Required: the allowed model the canaries and the sample notebooks use; one of `allowedModelIds`.",
            ConfigKeys::canaryModel);
    public static final ConfigKey<Integer> INVOKER_SESSION_SECONDS =
            ConfigKey.withDefault("invokerSessionSeconds", ML, Type.INTEGER, "3600",
            "Maximum session length of the invoker role, 3600 to 43200 seconds.",
            "Invoker-role session length, 3600 to 43200.",
            integer(3600, 43200, "an invoker-role session length in seconds"));
    public static final ConfigKey<List<String>> ALLOWED_STS_ENDPOINT_IDS =
            ConfigKey.withDefault("allowedStsEndpointIds", ML, Type.STRING_LIST, "[]",
            "When set, the invoker role may only be assumed through these STS endpoints (the hub's "
            + "stsEndpointId output).",
            "When set, the invoker role may only be assumed through these STS endpoints (the hub's "
            + "`stsEndpointId`).",
            ConfigKeys::stsEndpointIds);
    public static final ConfigKey<Integer> FUNCTION_MEMORY_MB =
            ConfigKey.withDefault("functionMemoryMb", ML, Type.INTEGER, "512",
            "Memory of the streaming ML function, 128 to 10240 MB.",
            "ML function memory, 128 to 10240.",
            integer(128, 10240, "ML function memory in MB"));
    public static final ConfigKey<Integer> FUNCTION_TIMEOUT_SECONDS =
            ConfigKey.withDefault("functionTimeoutSeconds", ML, Type.INTEGER, "300",
            "Timeout of the streaming ML function, 10 to 900 seconds; a stream is cut 2 seconds before it.",
            "ML function timeout, 10 to 900; a stream is cut 2 s before it.",
            integer(10, 900, "ML function timeout in seconds"));
    public static final ConfigKey<Integer> FUNCTION_RESERVED_CONCURRENCY =
            ConfigKey.withDefault("functionReservedConcurrency", ML, Type.INTEGER, "20",
            "Concurrent invocations reserved for (and capping) the ML function, 1 to 1000. AWS refuses a "
            + "reservation that leaves fewer than 100 unreserved in the account and region, so the account's "
            + "Lambda concurrency quota must be at least 100 plus every reservation (an ordinary account has "
            + "1000; a new one 10 or 50: request an increase first; the preflight checks).",
            "Concurrency reserved for (and capping) the ML function, 1 to 1000. AWS keeps 100 unreserved per "
            + "account and region, so the quota must be at least 100 plus every reservation (ordinary account: "
            + "1000; a new account's 10 or 50 needs an increase first).",
            integer(1, 1000, "ML function reserved concurrency"));
    public static final ConfigKey<Integer> MAX_REQUEST_BYTES =
            ConfigKey.withDefault("maxRequestBytes", ML, Type.INTEGER, "6291456",
            "Largest request the ML function accepts, in bytes (default: Lambda's 6 MB request payload "
            + "limit).",
            "Largest request the function accepts; the default is Lambda's 6 MB request payload limit.",
            integer(1, 6_291_456, "largest accepted request in bytes (Lambda's payload limit is 6 MB)"));
    public static final ConfigKey<Integer> MAX_OUTPUT_TOKENS =
            ConfigKey.withDefault("maxOutputTokens", ML, Type.INTEGER, "4096",
            "Largest max_tokens / maxTokens a request may ask for.",
            "Largest `max_tokens` / `maxTokens` a request may ask for.",
            integer(1, 65_536, "largest max_tokens a request may ask for"));
    public static final ConfigKey<String> ML_STACK =
            ConfigKey.withDefault("mlStack", HUB, Type.STRING, "",
            "Fully qualified ML stack name, <organization>/bedrock-stream/<stack>, read through a "
            + "StackReference.",
            "`<organization>/bedrock-stream/<ml stack>`, read through a StackReference.",
            stackName("ML", "ml-use1"));
    public static final ConfigKey<String> HUB_STACK =
            ConfigKey.withDefault("hubStack", SPOKE, Type.STRING, "",
            "Fully qualified hub stack name, <organization>/bedrock-stream/<stack>, read through a "
            + "StackReference; everything the spoke needs of the ML stack arrives through it.",
            "`<organization>/bedrock-stream/<hub stack>`; everything a spoke needs of the ML stack arrives "
            + "through the hub's exports.",
            stackName("hub", "app-use1"));
    public static final ConfigKey<Boolean> APP_FUNCTION_ENABLED =
            ConfigKey.withDefault("appFunctionEnabled", SPOKE, Type.BOOLEAN, "true",
            "Whether the spoke runs the Application Lambda (what a spoke team's code and a canary call).",
            "Whether the spoke runs the Application Lambda.",
            ConfigReader::bool);
    public static final ConfigKey<Boolean> NOTEBOOK_ENABLED =
            ConfigKey.withDefault("notebookEnabled", SPOKE, Type.BOOLEAN, "true",
            "Whether the spoke runs the sample SageMaker notebook.",
            "Whether the spoke runs the sample notebook.",
            ConfigReader::bool);
    public static final ConfigKey<Integer> TRANSIT_GATEWAY_ASN =
            ConfigKey.withDefault("transitGatewayAsn", APPLICATION, Type.INTEGER, "64512",
            "Private 2-byte ASN of the stack's Transit Gateway, 64512 to 65534 (the pinned SDK cannot carry "
            + "4-byte ASNs); each peered gateway needs its own.",
            "Private 2-byte ASN, 64512 to 65534 (the pinned SDK cannot carry 4-byte ASNs); a spoke's must "
            + "differ from the hub's.",
            integer(64512, 65534, "a private 2-byte ASN (4-byte ASNs do not fit the pinned SDK)"));
    public static final ConfigKey<Integer> APP_FUNCTION_MEMORY_MB =
            ConfigKey.withDefault("appFunctionMemoryMb", APPLICATION, Type.INTEGER, "512",
            "Memory of the Application Lambda, 128 to 10240 MB.",
            "Application Lambda memory.",
            integer(128, 10240, "Application function memory in MB"));
    public static final ConfigKey<Integer> APP_FUNCTION_TIMEOUT_SECONDS =
            ConfigKey.withDefault("appFunctionTimeoutSeconds", APPLICATION, Type.INTEGER, "120",
            "Timeout of the Application Lambda, 1 to 900 seconds.",
            "Application Lambda timeout; it bounds how long one stream it reads may last.",
            integer(1, 900, "Application function timeout in seconds"));
    public static final ConfigKey<Integer> APP_FUNCTION_RESERVED_CONCURRENCY =
            ConfigKey.withDefault("appFunctionReservedConcurrency", APPLICATION, Type.INTEGER, "0",
            "Concurrent invocations reserved for (and capping) the Application Lambda, 1 to 1000; 0 reserves "
            + "none. The committed application stacks reserve 10, which an ordinary account (quota 1000) "
            + "allows; AWS refuses a reservation that leaves fewer than 100 unreserved, so an account whose "
            + "quota is below 100 plus its reservations (a new account: 10 or 50) must set 0 or raise the quota "
            + "(the preflight checks).",
            "Concurrency reserved for (and capping) the Application Lambda, 1 to 1000; `0` reserves none. The "
            + "committed application stacks reserve 10 (Checkov CKV_AWS_115), which an ordinary account allows; "
            + "where the quota is below 100 plus the reservations (a new account), set `0` or raise the quota.",
            integer(0, 1000, "Application function reserved concurrency (0: none reserved)"));
    public static final ConfigKey<String> NOTEBOOK_INSTANCE_TYPE =
            ConfigKey.withDefault("notebookInstanceType", APPLICATION, Type.STRING, "ml.t3.medium",
            "SageMaker notebook instance type.",
            "Notebook instance type.",
            pattern(INSTANCE_TYPE_SHAPE, "a SageMaker notebook instance type such as ml.t3.medium"));
    public static final ConfigKey<String> NOTEBOOK_PLATFORM =
            ConfigKey.withDefault("notebookPlatform", APPLICATION, Type.STRING, "notebook-al2023-v1",
            "SageMaker notebook platform; Amazon Linux 2 is past end of support, so only notebook-al2023-v1.",
            "Notebook platform; Amazon Linux 2 is past end of support, so only AL2023.",
            (in, key) -> in.required(key, NotebookPlatforms::isSupported,
                    "a notebook platform, one of " + NotebookPlatforms.SUPPORTED));
    public static final ConfigKey<Integer> NOTEBOOK_VOLUME_GB =
            ConfigKey.withDefault("notebookVolumeGb", APPLICATION, Type.INTEGER, "5",
            "Notebook volume size in GB (encrypted with a customer-managed key).",
            "Notebook volume size (encrypted with a customer-managed key).",
            integer(5, 16384, "notebook volume size in GB"));
    public static final ConfigKey<Boolean> NOTEBOOK_PRIVATE_ACCESS =
            ConfigKey.withDefault("notebookPrivateAccess", APPLICATION, Type.BOOLEAN, "true",
            "Whether the notebook's users reach it only through this VPC: interface endpoints for "
            + "sagemaker.api, the notebook (aws.sagemaker.<region>.notebook) and logs, private DNS on, and an "
            + "IAM policy for its users (README, Notebook users). Ignored without a notebook. Adds per region 3 "
            + "endpoints x zones x 730 h at list prices: with 2 zones $43.80/month in us-east-1 ($0.01 per "
            + "endpoint-hour) and $56.94/month in ap-southeast-1 ($0.013), plus $0.01 per GB processed.",
            "Whether the notebook's users reach it only through the VPC's own SageMaker API and notebook "
            + "endpoints (below, \"Notebook users\"; about $44 a month in us-east-1, $57 in ap-southeast-1). "
            + "Ignored without a notebook.",
            ConfigReader::bool);
    public static final ConfigKey<List<Cidr>> NOTEBOOK_USER_CIDRS =
            ConfigKey.withDefault("notebookUserCidrs", APPLICATION, Type.STRING_LIST, "[]",
            "Corporate ranges (private RFC 1918 IPv4 blocks reaching the VPC over VPN or Direct Connect) the "
            + "notebook's endpoints admit on 443, besides the VPC's own block; at most 59.",
            "Corporate ranges (private RFC 1918 blocks reaching the VPC over VPN or Direct Connect) those "
            + "endpoints admit on 443, besides the VPC's own block; each once, at most 59.",
            ConfigKeys::notebookUserCidrs);
    public static final ConfigKey<AuditSettings.TrailMode> AUDIT_TRAIL =
            ConfigKey.withDefault("auditTrail", ACCOUNT_OWNERS, Type.STRING, "account",
            "Who records the account's API activity: account (this stack creates a multi-region CloudTrail "
            + "trail of management events and of the project's Lambda invocations; the hub's also covers its "
            + "spokes), organization (an organization trail already covers the account: nothing is created) or "
            + "off (not recommended).",
            "`account`: the stack creates its account's multi-region trail (below); `organization`: an "
            + "organization trail already covers the account, nothing is created; `off`: no trail (not "
            + "recommended).",
            ConfigKeys::trailMode);
    public static final ConfigKey<Integer> AUDIT_LOG_EXPIRATION_DAYS =
            ConfigKey.withDefault("auditLogExpirationDays", ACCOUNT_OWNERS, Type.INTEGER, "365",
            "Days the trail's log files are kept in its bucket, 90 to 3653 (CloudTrail's own event history "
            + "already covers 90).",
            "Days the trail's log files are kept, 90 to 3653.",
            integer(SHORTEST_EXPIRATION_DAYS, 3653,
                    "days the trail's log files are kept (CloudTrail's event history already covers 90)"));
    public static final ConfigKey<Integer> AUDIT_LOG_TRANSITION_DAYS =
            ConfigKey.withDefault("auditLogTransitionDays", ACCOUNT_OWNERS, Type.INTEGER, "0",
            "Days after which the trail's log files move to S3 Glacier Instant Retrieval, fewer than "
            + "auditLogExpirationDays; 0 keeps them in S3 Standard (log files are small, and Glacier IR bills "
            + "each object as at least 128 KB plus a fee per transition).",
            "Days after which log files move to S3 Glacier Instant Retrieval, fewer than "
            + "`auditLogExpirationDays`; `0` keeps them in S3 Standard (small files: Glacier IR bills at least "
            + "128 KB each, plus a fee per transition).",
            ConfigKeys::transitionDays);
    public static final ConfigKey<Boolean> DNS_QUERY_LOGGING =
            ConfigKey.withDefault("dnsQueryLogging", ALL, Type.BOOLEAN, "true",
            "Whether Route 53 Resolver logs the DNS queries of the stack's VPC (every name resolved and the "
            + "answer) to an encrypted log group kept logRetentionDays. Resolver query logging is free; "
            + "CloudWatch Logs ingestion and storage are billed.",
            "Route 53 Resolver query logs of the stack's VPC, kept `logRetentionDays`.",
            ConfigReader::bool);
    public static final ConfigKey<Boolean> MODEL_INVOCATION_LOGGING =
            ConfigKey.withDefault("modelInvocationLogging", ML, Type.BOOLEAN, "false",
            "Whether Bedrock logs every model invocation of the account and region, prompts and answers "
            + "included, to an encrypted log group. Off by default: prompts and completions are customer data "
            + "(see README, Audit). Replaces any other invocation-logging setting of the account and region.",
            "Bedrock model-invocation logging of the ML account and region: **prompts and answers** (see "
            + "Audit).",
            ConfigReader::bool);
    public static final ConfigKey<Integer> MODEL_INVOCATION_LOG_RETENTION_DAYS =
            ConfigKey.withDefault("modelInvocationLogRetentionDays", ML, Type.INTEGER, "30",
            "Retention of the model-invocation log group, one of the values CloudWatch Logs accepts (shorter "
            + "than logRetentionDays by default: it holds prompts and answers).",
            "Retention of those logs; a CloudWatch Logs value.",
            logRetention("a CloudWatch Logs retention in days for the prompts and answers, one of "));
    public static final ConfigKey<Boolean> ALARMS_ENABLED =
            ConfigKey.withDefault("alarmsEnabled", ALL, Type.BOOLEAN, "true",
            "Whether the stack's alarms exist, with their KMS-encrypted SNS topic: the ML stack's always, an "
            + "application stack's only with its canary. Off: no alarm, topic or key.",
            "The stack's alarms and their KMS-encrypted SNS topic (see Monitoring); an application stack has "
            + "alarms only with its canary.",
            ConfigReader::bool);
    public static final ConfigKey<Optional<String>> ALARM_EMAIL =
            ConfigKey.withDefault("alarmEmail", ALL, Type.STRING, "",
            "E-mail address the alarm topic also notifies (AWS e-mails a confirmation link first); empty: no "
            + "subscription. Only in a stack that has alarms.",
            "Address the alarm topic mails (AWS first sends a confirmation link); only in a stack that has "
            + "alarms.",
            ConfigKeys::alarmEmail);
    public static final ConfigKey<Boolean> DASHBOARD_ENABLED =
            ConfigKey.withDefault("dashboardEnabled", ALL, Type.BOOLEAN, "true",
            "Whether the stack has its CloudWatch dashboard (built as data; 3 per account are free, each "
            + "further one costs $3 a month).",
            "The stack's CloudWatch dashboard.",
            ConfigReader::bool);
    public static final ConfigKey<Integer> ALARM_FUNCTION_ERRORS =
            ConfigKey.withDefault("alarmFunctionErrors", ML, Type.INTEGER, "5",
            "ML function errors (AWS/Lambda Errors, bad requests included) per 5 minutes that raise the "
            + "alarm, 1 to 100000.",
            "ML function errors per 5 minutes that raise the alarm.",
            integer(1, 100_000, "ML function errors per 5 minutes"));
    public static final ConfigKey<Integer> ALARM_CONCURRENCY_PERCENT =
            ConfigKey.withDefault("alarmConcurrencyPercent", ML, Type.INTEGER, "80",
            "Concurrent executions, as a percent of functionReservedConcurrency (rounded up), that raise the "
            + "alarm, 1 to 100.",
            "Concurrent executions, in % of `functionReservedConcurrency` (rounded up), that raise the alarm.",
            integer(1, 100, "percent of the reserved concurrency"));
    public static final ConfigKey<Integer> ALARM_DURATION_PERCENT =
            ConfigKey.withDefault("alarmDurationPercent", ML, Type.INTEGER, "80",
            "p99 duration over 5 minutes, as a percent of functionTimeoutSeconds, that raises the alarm "
            + "(three periods in a row), 1 to 100.",
            "p99 duration, in % of `functionTimeoutSeconds`, that raises the alarm (15 minutes in a row).",
            integer(1, 100, "percent of the function timeout"));
    public static final ConfigKey<Integer> ALARM_TIME_TO_FIRST_DELTA_MS =
            ConfigKey.withDefault("alarmTimeToFirstDeltaMs", ML, Type.INTEGER, "10000",
            "p99 time to the first text delta over 5 minutes, in ms, that raises the alarm (three periods in "
            + "a row), 100 to less than the function timeout.",
            "p99 time to the first text delta that raises the alarm (15 minutes in a row); below the function "
            + "timeout.",
            integer(100, 900_000, "p99 time to the first delta in ms"));
    public static final ConfigKey<Integer> ALARM_FAILURES_PER_ERROR_NAME =
            ConfigKey.withDefault("alarmFailuresPerErrorName", ML, Type.INTEGER, "3",
            "Failures of one error name not caused by the caller, per 5 minutes, that raise that name's "
            + "alarm, 1 to 100000.",
            "Failures of one platform error name per 5 minutes that raise that name's alarm.",
            integer(1, 100_000, "failures per error name per 5 minutes"));
    public static final ConfigKey<Integer> ALARM_BEDROCK_THROTTLES =
            ConfigKey.withDefault("alarmBedrockThrottles", ML, Type.INTEGER, "5",
            "Throttled Bedrock calls of one allowed model (AWS/Bedrock InvocationThrottles, retries included) "
            + "per 5 minutes that raise that model's alarm, 1 to 100000.",
            "Bedrock `InvocationThrottles` of one allowed model per 5 minutes that raise that model's alarm.",
            integer(1, 100_000, "Bedrock throttles per model per 5 minutes"));
    public static final ConfigKey<Boolean> CANARY_ENABLED =
            ConfigKey.withDefault("canaryEnabled", APPLICATION, Type.BOOLEAN, "false",
            "Whether a schedule invokes this stack's Application Lambda with a tiny fixed prompt and "
            + "publishes success and time to first byte for the region. Off by default: every run spends model "
            + "tokens. Needs the Application Lambda (appFunctionEnabled).",
            "The region's canary (see Monitoring); off by default because every run spends model tokens. "
            + "Needs the Application Lambda.",
            ConfigReader::bool);
    public static final ConfigKey<Integer> CANARY_RATE_MINUTES =
            ConfigKey.withDefault("canaryRateMinutes", APPLICATION, Type.INTEGER, "5",
            "Minutes between two canary runs, 1 to 720; two failed or missing runs in a row raise the "
            + "region's canary alarm.",
            "Minutes between canary runs, 1 to 720.",
            integer(1, 720, "minutes between two canary runs"));

    /** Every project key, in Pulumi.yaml's order. */
    public static final List<ConfigKey<?>> PROJECT = List.of(
            ROLE, ACCOUNT_ID, VPC_CIDR, AVAILABILITY_ZONES, LOG_RETENTION_DAYS, APP_ACCOUNT_ID,
            INVOKER_PRINCIPAL_PREFIX, EXTERNAL_ID, ALLOWED_MODEL_IDS, CANARY_MODEL_ID, INVOKER_SESSION_SECONDS,
            ALLOWED_STS_ENDPOINT_IDS, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS,
            FUNCTION_RESERVED_CONCURRENCY, MAX_REQUEST_BYTES, MAX_OUTPUT_TOKENS, ML_STACK, HUB_STACK,
            APP_FUNCTION_ENABLED, NOTEBOOK_ENABLED, TRANSIT_GATEWAY_ASN, APP_FUNCTION_MEMORY_MB,
            APP_FUNCTION_TIMEOUT_SECONDS, APP_FUNCTION_RESERVED_CONCURRENCY, NOTEBOOK_INSTANCE_TYPE,
            NOTEBOOK_PLATFORM, NOTEBOOK_VOLUME_GB, NOTEBOOK_PRIVATE_ACCESS, NOTEBOOK_USER_CIDRS, AUDIT_TRAIL,
            AUDIT_LOG_EXPIRATION_DAYS, AUDIT_LOG_TRANSITION_DAYS, DNS_QUERY_LOGGING, MODEL_INVOCATION_LOGGING,
            MODEL_INVOCATION_LOG_RETENTION_DAYS, ALARMS_ENABLED, ALARM_EMAIL, DASHBOARD_ENABLED,
            ALARM_FUNCTION_ERRORS, ALARM_CONCURRENCY_PERCENT, ALARM_DURATION_PERCENT,
            ALARM_TIME_TO_FIRST_DELTA_MS, ALARM_FAILURES_PER_ERROR_NAME, ALARM_BEDROCK_THROTTLES,
            CANARY_ENABLED, CANARY_RATE_MINUTES);

    private static ConfigKey.Check<String> pattern(Pattern shape, String expected) {
        return (in, key) -> in.required(key, shape.asMatchPredicate(), expected);
    }

    private static ConfigKey.Check<Integer> integer(int min, int max, String what) {
        return (in, key) -> in.integer(key, min, max, what);
    }

    private static ConfigKey.Check<Integer> logRetention(String expected) {
        return (in, key) -> in.number(key, n -> n <= 3653 && CLOUDWATCH_RETENTION_DAYS.contains((int) n),
                expected + CLOUDWATCH_RETENTION_DAYS.stream().sorted().toList()).map(Long::intValue);
    }

    private static Optional<Role> role(ConfigReader in, String key) {
        return in.required(key, "one of " + Role.choices()).flatMap(value -> {
            var parsed = Role.fromConfig(value);
            if (parsed.isEmpty()) {
                in.badValue(key, value, "one of " + Role.choices());
            }
            return parsed;
        });
    }

    private static Optional<Cidr> vpcBlock(ConfigReader in, String key) {
        return in.required(key, Cidr.EXPECTED).flatMap(text -> {
            var cidr = Cidr.parse(text);
            if (cidr.isEmpty()) {
                in.badValue(key, text, Cidr.EXPECTED + " (network address, no host bits)");
            } else if (!cidr.get().isPrivate()) {
                in.badValue(key, text, "a private (RFC 1918) range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16");
                return Optional.empty();
            } else if (cidr.get().prefixLength() < Cidr.LARGEST_VPC_PREFIX) {
                in.badValue(key, text, "a VPC block from /16 to /" + Cidr.SMALLEST_SUBNET_PREFIX + " (AWS allows /16 at most)");
                return Optional.empty();
            }
            return cidr;
        });
    }

    /** Zones of the stack's region; the example in the message is of that region when it is known. */
    private static Optional<List<String>> availabilityZones(ConfigReader in, String key) {
        var region = in.known(REGION);
        String expected = "at least 2 distinct availability zones of the stack's region, such as ["
                + region.map(r -> r + "a, " + r + "b").orElse("us-east-1a, us-east-1b") + "]";
        return in.stringList(key, expected).flatMap(zones -> {
            var wrongRegion = region.isEmpty() ? List.<String>of()
                    : zones.stream().filter(z -> !AwsRegions.isZoneOf(z, region.get())).toList();
            if (zones.stream().distinct().count() < 2 || zones.size() != zones.stream().distinct().count()) {
                in.problem(key, zones.toString(), expected);
                return Optional.empty();
            }
            if (!wrongRegion.isEmpty()) {
                in.problem(key, zones.toString(), "zones of " + region.get() + ", but " + wrongRegion
                        + (wrongRegion.size() == 1 ? " is" : " are") + " not");
                return Optional.empty();
            }
            return Optional.of(zones);
        });
    }

    private static Optional<SecretString> externalId(ConfigReader in, String key) {
        String command = "pulumi config set --secret " + in.fullKey(key) + " \"$(openssl rand -hex 24)\"";
        var value = in.raw(key);
        if (value.isEmpty()) {
            in.problem(key, ConfigProblem.MISSING, "the invoker role's external id as a secret; run: " + command);
            return Optional.empty();
        }
        if (!in.storedAsSecret(key)) {
            in.problem(key, "(plain text)", "a secret value, never plain text in a stack file; run: " + command);
            return Optional.empty();
        }
        if (!EXTERNAL_ID_SHAPE.matcher(value.get()).matches()) {
            in.problem(key, ConfigProblem.REDACTED,
                    "16 to 1224 characters from [A-Za-z0-9+=,.@:/_-]; run: " + command);
            return Optional.empty();
        }
        return Optional.of(new SecretString(value.get()));
    }

    /** At least one model, each callable from the stack's region. */
    private static Optional<List<ModelId>> models(ConfigReader in, String key) {
        String region = in.known(REGION).orElse("");
        var ids = in.stringList(key, ModelId.EXPECTED);
        if (ids.isEmpty()) {
            return Optional.empty();
        }
        if (ids.get().isEmpty()) {
            in.problem(key, "[]", "at least one model: " + ModelId.EXPECTED);
            return Optional.empty();
        }
        var models = new ArrayList<ModelId>();
        for (String id : ids.get()) {
            var model = ModelId.parse(id);
            if (model.isEmpty()) {
                in.badValue(key, id, ModelId.EXPECTED);
            } else if (!region.isEmpty() && !model.get().servingRegions(region).contains(region)) {
                in.badValue(key, id, "a model callable from " + region + ": a " + model.get().profileGeo().get()
                        + " inference profile only serves " + model.get().servingRegions(region));
            } else {
                models.add(model.get());
            }
        }
        return models.size() == ids.get().size() ? Optional.of(List.copyOf(models)) : Optional.empty();
    }

    /** Named rather than "the first allowed": reordering the list must not move every region's canary. */
    private static Optional<ModelId> canaryModel(ConfigReader in, String key) {
        // Read even when the allow-list is invalid: the key is still the ML stack's, not an unused one.
        var value = in.raw(key);
        var models = in.known(ALLOWED_MODEL_IDS);
        if (models.isEmpty()) {
            return Optional.empty();
        }
        var ids = models.get().stream().map(ModelId::id).toList();
        String expected = "one of allowedModelIds " + ids;
        if (value.isEmpty()) {
            in.problem(key, ConfigProblem.MISSING, expected);
            return Optional.empty();
        }
        var model = models.get().stream().filter(m -> m.id().equals(value.get())).findFirst();
        if (model.isEmpty()) {
            in.badValue(key, value.get(), expected);
        }
        return model;
    }

    private static Optional<List<String>> stsEndpointIds(ConfigReader in, String key) {
        return in.stringList(key, "VPC endpoint ids such as vpce-0a1b2c3d4e5f60718").filter(ids -> {
            var bad = ids.stream().filter(id -> !STS_ENDPOINT_ID_SHAPE.matcher(id).matches()).toList();
            bad.forEach(id -> in.badValue(key, id, "a VPC endpoint id such as vpce-0a1b2c3d4e5f60718"));
            return bad.isEmpty();
        });
    }

    /** The earlier stack's name, read only when well-formed (the parser then reads that stack). */
    private static ConfigKey.Check<String> stackName(String what, String example) {
        return (in, key) -> in.required(key, STACK_NAME_SHAPE.asMatchPredicate(), "the " + what
                + " stack's fully qualified name <organization>/<project>/<stack>, e.g. organization/bedrock-stream/"
                + example);
    }

    /**
     * The corporate ranges admitted to the notebook's endpoints: private blocks only (they arrive over VPN or Direct
     * Connect, never from the internet), each once and none equal to the VPC's own block (AWS refuses a security group
     * rule that repeats another), and no more than one security group holds.
     */
    private static Optional<List<Cidr>> notebookUserCidrs(ConfigReader in, String key) {
        var vpcCidr = in.known(VPC_CIDR);
        var texts = in.stringList(key, "private IPv4 blocks such as [\"10.100.0.0/16\"]");
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        var blocks = new ArrayList<Cidr>();
        for (String text : texts.get()) {
            var cidr = Cidr.parse(text);
            if (cidr.isEmpty()) {
                in.badValue(key, text, "a corporate range as " + Cidr.EXPECTED + " (network address, no host bits)");
            } else if (!cidr.get().isPrivate()) {
                in.badValue(key, text, "a private (RFC 1918) range inside 10.0.0.0/8, 172.16.0.0/12 or 192.168.0.0/16:"
                        + " corporate networks reach the VPC over VPN or Direct Connect, never from the internet");
            } else if (vpcCidr.map(Cidr::toString).filter(cidr.get().toString()::equals).isPresent()) {
                in.badValue(key, text, "a block other than the VPC's own " + vpcCidr.get()
                        + ", which the notebook's endpoints admit already");
            } else if (blocks.stream().map(Cidr::toString).anyMatch(cidr.get().toString()::equals)) {
                in.badValue(key, text, "each block once: AWS refuses a security group rule that repeats another");
            } else {
                blocks.add(cidr.get());
            }
        }
        if (texts.get().size() > MAX_NOTEBOOK_USER_CIDRS) {
            in.problem(key, "(" + texts.get().size() + " blocks)", "at most " + MAX_NOTEBOOK_USER_CIDRS + " blocks: a"
                    + " security group holds 60 inbound rules unless the quota is raised, and the VPC's block takes one");
            return Optional.empty();
        }
        return blocks.size() == texts.get().size() ? Optional.of(List.copyOf(blocks)) : Optional.empty();
    }

    private static Optional<AuditSettings.TrailMode> trailMode(ConfigReader in, String key) {
        return in.required(key, "one of " + AuditSettings.TrailMode.choices()).flatMap(value -> {
            var parsed = Arrays.stream(AuditSettings.TrailMode.values())
                    .filter(m -> m.configValue().equals(value)).findFirst();
            if (parsed.isEmpty()) {
                in.badValue(key, value, "one of " + AuditSettings.TrailMode.choices()
                        + " (account: this stack creates the trail; organization: an organization trail covers the account)");
            }
            return parsed;
        });
    }

    /** Fewer than the expiration days, when those are known. */
    private static Optional<Integer> transitionDays(ConfigReader in, String key) {
        var expiration = in.known(AUDIT_LOG_EXPIRATION_DAYS);
        return in.number(key, n -> n >= 0 && expiration.map(e -> n < e).orElse(true),
                "0 (log files stay in S3 Standard) or the days after which they move to S3 Glacier Instant Retrieval,"
                        + " fewer than auditLogExpirationDays" + expiration.map(e -> " (" + e + ")").orElse(""))
                .map(Long::intValue);
    }

    /** Empty: no subscription. */
    private static Optional<Optional<String>> alarmEmail(ConfigReader in, String key) {
        var email = in.raw(key);
        email.filter(e -> !EMAIL_SHAPE.matcher(e).matches()).ifPresent(e -> in.badValue(key, e,
                "an e-mail address such as ops@example.com, or empty for no subscription"));
        return Optional.of(email);
    }
}
