package com.example.bedrockstream.config;

import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.UpstreamStack;
import com.pulumi.Context;
import com.pulumi.deployment.internal.DeploymentInternal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Turns a stack's raw config into a {@link StackConfig}, or throws one {@link ConfigurationException} that lists
 * every bad value. Nothing here registers a resource.
 */
public final class StackConfigParser {
    public static final String NAMESPACE = "bedrock-stream";
    static final String REGION_KEY = "aws:region";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME_PREFIX = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,32}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{16,1224}");
    private static final Pattern STS_ENDPOINT_ID = Pattern.compile("vpce-[0-9a-f]{8,17}");
    private static final Pattern STACK_NAME = Pattern.compile("[\\w.-]+/[\\w.-]+/[\\w.-]+");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9]+\\.[a-z0-9]+");
    /** The values CloudWatch Logs accepts; 0 (never expire) is refused on purpose. */
    static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private StackConfigParser() {
    }

    /** Reads the running stack's config from the Pulumi context. */
    public static StackConfig parse(Context ctx) {
        Function<String, Optional<String>> lookup = fullKey -> {
            int colon = fullKey.indexOf(':');
            return ctx.config(fullKey.substring(0, colon)).get(fullKey.substring(colon + 1));
        };
        // The public Config API cannot tell a secret value from a plain one; the deployment can.
        Predicate<String> isSecret = fullKey -> DeploymentInternal.getInstance().isConfigSecret(fullKey);
        return parse(ctx.stackName(), lookup, isSecret, UpstreamStack::read);
    }

    /**
     * @param upstream reads earlier stacks (the hub's ML stack) so cross-stack problems are reported with the rest
     */
    public static StackConfig parse(String stack, Function<String, Optional<String>> lookup, Predicate<String> isSecret,
                                    UpstreamReader upstream) {
        var in = new ConfigReader(NAMESPACE, lookup, isSecret);

        Optional<Role> role = in.required("role", "one of " + Role.choices()).flatMap(value -> {
            var parsed = Role.fromConfig(value);
            if (parsed.isEmpty()) {
                in.badValue("role", value, "one of " + Role.choices());
            }
            return parsed;
        });
        if (role.isPresent() && role.get() == Role.APP_SPOKE) {
            throw new RoleNotImplementedException(stack, role.get());
        }

        Optional<String> region = in.required(REGION_KEY, AwsRegions::isRegion, "an AWS region name such as us-east-1");
        role.ifPresent(r -> region.ifPresent(reg -> checkRegionForRole(in, r, reg)));
        var accountId = in.required("accountId", ACCOUNT_ID.asMatchPredicate(),
                "the 12-digit id of the AWS account this stack deploys into");
        var vpcCidr = vpcCidr(in, "vpcCidr");
        var zones = availabilityZones(in, region);
        vpcCidr.ifPresent(cidr -> zones.ifPresent(z -> checkSubnetsFit(in, cidr, z.size())));
        var retention = in.number("logRetentionDays", n -> n <= 3653 && LOG_RETENTION_DAYS.contains((int) n),
                "a CloudWatch Logs retention in days, one of " + LOG_RETENTION_DAYS.stream().sorted().toList());

        Optional<MlSettings> ml = role.filter(r -> r == Role.ML).flatMap(r -> ml(in, region.orElse("")));
        Optional<HubSettings> hub = role.filter(r -> r == Role.APP_HUB)
                .flatMap(r -> hub(in, upstream, region, accountId, vpcCidr));

        if (!in.problems().isEmpty()) {
            throw new ConfigurationException(stack, in.problems());
        }
        var common = new CommonSettings(stack, role.get(), region.get(), accountId.get(), vpcCidr.get(),
                zones.get(), retention.get().intValue());
        return new StackConfig(common, ml, hub);
    }

    private static void checkRegionForRole(ConfigReader in, Role role, String region) {
        if (role == Role.ML && !AwsRegions.BEDROCK_RUNTIME.contains(region)) {
            in.badValue(REGION_KEY, region, "for role 'ml', a region with the bedrock-runtime endpoint, one of "
                    + AwsRegions.BEDROCK_RUNTIME.stream().sorted().toList());
        }
    }

    private static Optional<Cidr> vpcCidr(ConfigReader in, String key) {
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

    private static Optional<List<String>> availabilityZones(ConfigReader in, Optional<String> region) {
        String key = "availabilityZones";
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

    /** Checked after the AZs are known: the VPC must hold one subnet per zone of at least the smallest size. */
    private static void checkSubnetsFit(ConfigReader in, Cidr cidr, int zones) {
        if (cidr.subnetPrefixFor(zones) > Cidr.SMALLEST_SUBNET_PREFIX) {
            in.badValue("vpcCidr", cidr.toString(), "a block large enough for " + zones + " subnets of /"
                    + Cidr.SMALLEST_SUBNET_PREFIX + " or larger, i.e. /"
                    + (Cidr.SMALLEST_SUBNET_PREFIX - (cidr.subnetPrefixFor(zones) - cidr.prefixLength()))
                    + " or larger");
        }
    }

    private static Optional<MlSettings> ml(ConfigReader in, String region) {
        var appAccount = in.required("appAccountId", ACCOUNT_ID.asMatchPredicate(),
                "the 12-digit id of the application account whose roles may assume the invoker role");
        var prefix = in.required("invokerPrincipalPrefix", ROLE_NAME_PREFIX.asMatchPredicate(),
                "an IAM role-name prefix of 1 to 32 characters from [A-Za-z0-9+=,.@_-], no '*' (e.g. bedrock-app-)");
        var externalId = externalId(in);
        var models = models(in, region);
        var session = in.integer("invokerSessionSeconds", 3600, 43200, "an invoker-role session length in seconds");
        var stsEndpoints = in.stringList("allowedStsEndpointIds", "VPC endpoint ids such as vpce-0a1b2c3d4e5f60718")
                .filter(ids -> {
                    var bad = ids.stream().filter(id -> !STS_ENDPOINT_ID.matcher(id).matches()).toList();
                    bad.forEach(id -> in.badValue("allowedStsEndpointIds", id,
                            "a VPC endpoint id such as vpce-0a1b2c3d4e5f60718"));
                    return bad.isEmpty();
                });
        var memory = in.integer("functionMemoryMb", 128, 10240, "ML function memory in MB");
        // The function cuts a stream 2 s before its deadline (DEADLINE_MARGIN_MS), so it needs a few seconds at least.
        var timeout = in.integer("functionTimeoutSeconds", 10, 900, "ML function timeout in seconds");
        var concurrency = in.integer("functionReservedConcurrency", 1, 1000, "ML function reserved concurrency");
        var maxRequest = in.integer("maxRequestBytes", 1, 6_291_456, "largest accepted request in bytes (Lambda's payload limit is 6 MB)");
        var maxTokens = in.integer("maxOutputTokens", 1, 65_536, "largest max_tokens a request may ask for");
        if (!in.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MlSettings(appAccount.get(), prefix.get(), externalId.get(), models.get(),
                session.get(), stsEndpoints.get(), new MlSettings.FunctionLimits(memory.get(), timeout.get(),
                concurrency.get(), maxRequest.get(), maxTokens.get())));
    }

    private static Optional<SecretString> externalId(ConfigReader in) {
        String key = "externalId";
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
        if (!EXTERNAL_ID.matcher(value.get()).matches()) {
            in.problem(key, ConfigProblem.REDACTED,
                    "16 to 1224 characters from [A-Za-z0-9+=,.@:/_-]; run: " + command);
            return Optional.empty();
        }
        return Optional.of(new SecretString(value.get()));
    }

    private static Optional<List<ModelId>> models(ConfigReader in, String region) {
        String key = "allowedModelIds";
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

    private static Optional<HubSettings> hub(ConfigReader in, UpstreamReader upstream, Optional<String> region,
                                             Optional<String> accountId, Optional<Cidr> vpcCidr) {
        var mlStack = in.required("mlStack", STACK_NAME.asMatchPredicate(),
                "the ML stack's fully qualified name <organization>/<project>/<stack>, e.g. organization/bedrock-stream/ml-use1");
        // The pinned SDK carries amazonSideAsn as a signed 32-bit integer, so 4-byte private ASNs cannot be sent.
        var asn = in.integer("transitGatewayAsn", 64512, 65534, "a private 2-byte ASN (4-byte ASNs do not fit the pinned SDK)");
        var memory = in.integer("appFunctionMemoryMb", 128, 10240, "Application function memory in MB");
        var timeout = in.integer("appFunctionTimeoutSeconds", 1, 900, "Application function timeout in seconds");
        var instanceType = in.required("notebookInstanceType", INSTANCE_TYPE.asMatchPredicate(),
                "a SageMaker notebook instance type such as ml.t3.medium");
        var platform = in.required("notebookPlatform", NotebookPlatforms::isSupported,
                "a notebook platform, one of " + NotebookPlatforms.SUPPORTED);
        var volume = in.integer("notebookVolumeGb", 5, 16384, "notebook volume size in GB");

        var ml = mlStack.flatMap(name -> {
            var problems = new ArrayList<ConfigProblem>();
            var read = upstream.read(in.fullKey("mlStack"), name, MlOutputs.ALL, problems);
            problems.forEach(in::add);
            return read;
        });
        ml.ifPresent(up -> checkAgainstMlStack(in, up, region, accountId, vpcCidr));
        if (!in.problems().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new HubSettings(ml.get(), asn.get(), memory.get(), timeout.get(),
                new HubSettings.NotebookSettings(instanceType.get(), platform.get(), volume.get())));
    }

    /** The hub serves the ML function's region, from the account the ML stack trusts, on a block that can route to it. */
    private static void checkAgainstMlStack(ConfigReader in, UpstreamStack ml, Optional<String> region,
                                            Optional<String> accountId, Optional<Cidr> vpcCidr) {
        String from = " (from stack '" + ml.stackName() + "')";
        String mlRegion = ml.get(MlOutputs.REGION);
        region.filter(r -> !r.equals(mlRegion)).ifPresent(r -> in.badValue(REGION_KEY, r, "the ML region " + mlRegion
                + from + ": the hub's STS and Lambda endpoints must be in the ML function's region"));
        String trusted = ml.get(MlOutputs.APP_ACCOUNT_ID);
        accountId.filter(a -> !a.equals(trusted)).ifPresent(a -> in.badValue("accountId", a,
                "the application account the invoker role trusts, " + trusted + from));
        Cidr mlCidr = Cidr.parse(ml.get(MlOutputs.VPC_CIDR)).orElseThrow(() -> new IllegalStateException(
                "stack " + ml.stackName() + " exported an invalid " + MlOutputs.VPC_CIDR.name()));
        vpcCidr.filter(c -> c.overlaps(mlCidr)).ifPresent(c -> in.badValue("vpcCidr", c.toString(),
                "a block that does not overlap the ML VPC " + mlCidr + from));
    }
}
