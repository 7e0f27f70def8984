package com.example.bedrockstream.config;

import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.domain.AuditSettings;
import com.example.bedrockstream.domain.AwsRegions;
import com.example.bedrockstream.domain.CallerSettings;
import com.example.bedrockstream.domain.Cidr;
import com.example.bedrockstream.domain.ConfigProblem;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.domain.MonitoringSettings;
import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.domain.SecretString;

import java.util.ArrayList;
import java.util.Arrays;
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
    /** Not a config key, but where names come from: problems with it are reported like one. */
    static final String STACK_NAME_KEY = "stack name";

    private static final Pattern ACCOUNT_ID = Pattern.compile("\\d{12}");
    private static final Pattern ROLE_NAME_PREFIX = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,32}");
    private static final Pattern EXTERNAL_ID = Pattern.compile("[\\w+=,.@:/-]{16,1224}");
    private static final Pattern STS_ENDPOINT_ID = Pattern.compile("vpce-[0-9a-f]{8,17}");
    private static final Pattern STACK_NAME = Pattern.compile("[\\w.-]+/[\\w.-]+/[\\w.-]+");
    private static final Pattern INSTANCE_TYPE = Pattern.compile("ml\\.[a-z0-9]+\\.[a-z0-9]+");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[A-Za-z]{2,}");
    /** A security group holds 60 inbound rules unless the quota is raised; the VPC's own block takes one. */
    static final int MAX_NOTEBOOK_USER_CIDRS = 59;
    /** The values CloudWatch Logs accepts; 0 (never expire) is refused on purpose. */
    static final Set<Integer> LOG_RETENTION_DAYS = Set.of(1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400,
            545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653);

    private StackConfigParser() {
    }

    /**
     * Parses a stack's config. {@code upstream} reads the earlier stack the role names (the caller decides how:
     * through a StackReference when the program runs), so cross-stack problems are reported with the rest.
     *
     * @param keys every full key the engine passed ("namespace:key"), set in the stack file or defaulted
     */
    public static StackConfig parse(String stack, Set<String> keys, Function<String, Optional<String>> lookup,
                                    Predicate<String> isSecret, UpstreamReader upstream) {
        var in = new ConfigReader(NAMESPACE, lookup, isSecret);

        Optional<Role> role = in.required("role", "one of " + Role.choices()).flatMap(value -> {
            var parsed = Role.fromConfig(value);
            if (parsed.isEmpty()) {
                in.badValue("role", value, "one of " + Role.choices());
            }
            return parsed;
        });

        Optional<String> region = in.required(REGION_KEY, AwsRegions::isRegion, "an AWS region name such as us-east-1");
        role.ifPresent(r -> region.ifPresent(reg -> checkRegionForRole(in, r, reg)));
        var accountId = in.required("accountId", ACCOUNT_ID.asMatchPredicate(),
                "the 12-digit id of the AWS account this stack deploys into");
        var vpcCidr = vpcCidr(in, "vpcCidr");
        var zones = availabilityZones(in, region);
        vpcCidr.ifPresent(cidr -> zones.ifPresent(z -> checkSubnetsFit(in, cidr, z.size())));
        var retention = in.number("logRetentionDays", n -> n <= 3653 && LOG_RETENTION_DAYS.contains((int) n),
                "a CloudWatch Logs retention in days, one of " + LOG_RETENTION_DAYS.stream().sorted().toList());
        var aws = AwsProviderConfig.parse(in, region, accountId);

        Optional<MlSettings> ml = role.filter(r -> r == Role.ML).flatMap(r -> ml(in, region.orElse(""), accountId));
        boolean application = role.filter(r -> r == Role.APP_HUB || r == Role.APP_SPOKE).isPresent();
        // The pinned SDK carries amazonSideAsn as a signed 32-bit integer, so 4-byte private ASNs cannot be sent.
        var asn = application ? in.integer("transitGatewayAsn", 64512, 65534,
                "a private 2-byte ASN (4-byte ASNs do not fit the pinned SDK)") : Optional.<Integer>empty();
        var callers = application ? callers(in, vpcCidr) : Optional.<CallerSettings>empty();
        var appFunctionEnabled = role.filter(r -> r == Role.APP_SPOKE).flatMap(r -> in.bool("appFunctionEnabled"));
        var notebookEnabled = role.filter(r -> r == Role.APP_SPOKE).flatMap(r -> in.bool("notebookEnabled"));
        var monitoring = role.flatMap(r -> monitoring(in, r, ml, appFunctionEnabled.orElse(true)));

        var own = new Own(region, accountId, vpcCidr, asn);
        Optional<UpstreamStack> up = role.flatMap(Upstream::of).flatMap(u -> readUpstream(in, upstream, u));
        if (role.isPresent() && up.isPresent()) {
            switch (role.get()) {
                case APP_HUB -> checkAgainstMlStack(in, up.get(), own);
                case APP_SPOKE -> checkAgainstHubStack(in, up.get(), own);
                case ML -> throw new IllegalStateException("the ML role reads no stack");
            }
        }

        // Audit (issue 13): the trail, DNS query logs and model-invocation logs each stack records.
        Optional<AuditSettings> audit = role.flatMap(r -> audit(in, r));

        role.ifPresent(r -> {
            // Caller role names start with the ML stack's principal prefix, which arrives through the upstream stack.
            String callerPrefix = up.map(u -> switch (r) {
                case ML -> "";
                case APP_HUB -> u.get(MlOutputs.INVOKER_PRINCIPAL_PREFIX);
                case APP_SPOKE -> u.get(HubOutputs.INVOKER_PRINCIPAL_PREFIX);
            }).orElse("");
            StackNames.problem(r, stack, callerPrefix, appFunctionEnabled.orElse(true), notebookEnabled.orElse(true),
                            callers.map(c -> c.notebookAccess().privateAccess()).orElse(true),
                            StackNames.AuditNames.of(accountId, region, audit))
                    .ifPresent(p -> in.add(new ConfigProblem(STACK_NAME_KEY, ConfigReader.quote(stack), p)));
        });
        checkKeys(in, stack, role, keys);

        if (!in.problems().isEmpty()) {
            throw new ConfigurationException(stack, in.problems());
        }
        var common = new CommonSettings(stack, role.get(), region.get(), accountId.get(), vpcCidr.get(),
                zones.get(), retention.get().intValue(), aws.get());
        Optional<HubSettings> hub = role.filter(r -> r == Role.APP_HUB)
                .map(r -> new HubSettings(up.get(), asn.get(), callers.get()));
        Optional<SpokeSettings> spoke = role.filter(r -> r == Role.APP_SPOKE)
                .map(r -> new SpokeSettings(up.get(), asn.get(), callers.get(), appFunctionEnabled.get(),
                        notebookEnabled.get()));
        return new StackConfig(common, ml, hub, spoke, audit.get(), monitoring.get());
    }

    /**
     * Every key must be one this program knows: the CLI only checks the keys Pulumi.yaml declares, so a misspelled key
     * would otherwise be ignored. A declared key that the stack's role does not read must not be set either.
     */
    private static void checkKeys(ConfigReader in, String stack, Optional<Role> role, Set<String> keys) {
        String project = NAMESPACE + ":";
        for (String fullKey : keys.stream().sorted().toList()) {
            String shown = in.storedAsSecret(fullKey) ? ConfigProblem.REDACTED
                    : ConfigReader.quote(in.peek(fullKey).orElse(""));
            if (fullKey.startsWith(project)) {
                String key = fullKey.substring(project.length());
                var declared = ProjectKeys.DECLARED.keySet();
                if (!declared.contains(key)) {
                    in.problem(fullKey, shown, "a key Pulumi.yaml declares; " + ProjectKeys.closest(key, declared)
                            .map(k -> "did you mean " + k + "?")
                            .orElse("none is close, see the Configuration table in README.md"));
                } else if (role.isPresent() && !in.wasRead(fullKey) && setInStackFile(in, key)) {
                    in.problem(fullKey, shown, "no value: role '" + role.get().configValue() + "' does not use " + key
                            + "; remove it from Pulumi." + stack + ".yaml");
                }
            } else if (fullKey.startsWith("aws:") && !AwsProviderConfig.KNOWN_KEYS.contains(fullKey.substring(4))) {
                String key = fullKey.substring(4);
                in.problem(fullKey, shown, "an AWS provider setting this program gives every provider it creates; "
                        + ProjectKeys.closest(key, AwsProviderConfig.KNOWN_KEYS).map(k -> "did you mean aws:" + k + "?")
                        .orElse("one of " + AwsProviderConfig.KNOWN_KEYS));
            }
        }
    }

    /** The CLI passes every declared default to every stack, so only a value other than the default was set. */
    private static boolean setInStackFile(ConfigReader in, String key) {
        return in.peek(key).filter(value -> !ProjectKeys.DECLARED.get(key).equals(Optional.of(value))).isPresent();
    }

    /** The stack's own values that the earlier stack's exports are checked against. */
    private record Own(Optional<String> region, Optional<String> accountId, Optional<Cidr> vpcCidr,
                       Optional<Integer> asn) {
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

    private static Optional<MlSettings> ml(ConfigReader in, String region, Optional<String> accountId) {
        var appAccount = in.required("appAccountId", ACCOUNT_ID.asMatchPredicate(),
                "the 12-digit id of the application account whose roles may assume the invoker role");
        var prefix = in.required("invokerPrincipalPrefix", ROLE_NAME_PREFIX.asMatchPredicate(),
                "an IAM role-name prefix of 1 to 32 characters from [A-Za-z0-9+=,.@_-], no '*' (e.g. bedrock-app-)");
        var externalId = externalId(in);
        var models = models(in, region);
        var canaryModel = canaryModel(in, models);
        // AWS would refuse an oversized policy mid-deployment, after part of the stack exists.
        models.ifPresent(m -> accountId.filter(a -> !region.isEmpty())
                .flatMap(a -> PolicyLimits.allowedModelsProblem(m, region, a))
                .ifPresent(p -> in.problem("allowedModelIds", "(" + m.size() + " models)", p)));
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
                canaryModel.get(), session.get(), stsEndpoints.get(), new MlSettings.FunctionLimits(memory.get(), timeout.get(),
                concurrency.get(), maxRequest.get(), maxTokens.get())));
    }

    /** Monitoring (issue 13): alarms, their topic and e-mail, the dashboard, and the application stacks' canary. */
    private static Optional<MonitoringSettings> monitoring(ConfigReader in, Role role, Optional<MlSettings> ml,
                                                           boolean appFunction) {
        var alarms = in.bool("alarmsEnabled");
        var email = in.raw("alarmEmail");
        email.filter(e -> !EMAIL.matcher(e).matches()).ifPresent(e -> in.badValue("alarmEmail", e,
                "an e-mail address such as ops@example.com, or empty for no subscription"));
        var dashboard = in.bool("dashboardEnabled");
        Optional<MonitoringSettings.MlThresholds> thresholds = Optional.empty();
        Optional<MonitoringSettings.CanarySettings> canary = Optional.empty();
        if (role == Role.ML) {
            var errors = in.integer("alarmFunctionErrors", 1, 100_000, "ML function errors per 5 minutes");
            var concurrency = in.integer("alarmConcurrencyPercent", 1, 100, "percent of the reserved concurrency");
            var duration = in.integer("alarmDurationPercent", 1, 100, "percent of the function timeout");
            var ttfd = in.integer("alarmTimeToFirstDeltaMs", 100, 900_000, "p99 time to the first delta in ms");
            // The first delta can only come before the function times out; a higher threshold could never be crossed.
            ttfd.ifPresent(ms -> ml.map(m -> m.function().timeoutSeconds()).filter(s -> ms >= s * 1000)
                    .ifPresent(s -> in.badValue("alarmTimeToFirstDeltaMs", Integer.toString(ms),
                            "less than the function timeout of " + s * 1000 + " ms (functionTimeoutSeconds)")));
            var failures = in.integer("alarmFailuresPerErrorName", 1, 100_000, "failures per error name per 5 minutes");
            var throttles = in.integer("alarmBedrockThrottles", 1, 100_000, "Bedrock throttles per model per 5 minutes");
            if (errors.isEmpty() || concurrency.isEmpty() || duration.isEmpty() || ttfd.isEmpty() || failures.isEmpty()
                    || throttles.isEmpty()) {
                return Optional.empty();
            }
            thresholds = Optional.of(new MonitoringSettings.MlThresholds(errors.get(), concurrency.get(),
                    duration.get(), ttfd.get(), failures.get(), throttles.get()));
        } else {
            // At most 720 minutes: the alarm reads two runs, and CloudWatch evaluates at most a day.
            var enabled = in.bool("canaryEnabled");
            var rate = in.integer("canaryRateMinutes", 1, 720, "minutes between two canary runs");
            enabled.filter(on -> on && !appFunction).ifPresent(on -> in.badValue("canaryEnabled", "true",
                    "false while appFunctionEnabled is false: the canary invokes this stack's Application Lambda"));
            if (enabled.isEmpty() || rate.isEmpty()) {
                return Optional.empty();
            }
            canary = Optional.of(new MonitoringSettings.CanarySettings(enabled.get(), rate.get()));
        }
        if (alarms.isEmpty() || dashboard.isEmpty()) {
            return Optional.empty();
        }
        var settings = new MonitoringSettings(alarms.get(), email, dashboard.get(), thresholds, canary);
        email.filter(e -> !settings.hasAlarms()).ifPresent(e -> in.badValue("alarmEmail", e, "empty: this stack has"
                + " no alarm to send (alarmsEnabled is false, or this application stack's canary is off)"));
        return Optional.of(settings);
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

    /** Named rather than "the first allowed": reordering the list must not move every region's canary. */
    private static Optional<ModelId> canaryModel(ConfigReader in, Optional<List<ModelId>> models) {
        String key = "canaryModelId";
        // Read even when the allow-list is invalid: the key is still the ML stack's, not an unused one.
        var value = in.raw(key);
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

    private static Optional<CallerSettings> callers(ConfigReader in, Optional<Cidr> vpcCidr) {
        var memory = in.integer("appFunctionMemoryMb", 128, 10240, "Application function memory in MB");
        var timeout = in.integer("appFunctionTimeoutSeconds", 1, 900, "Application function timeout in seconds");
        // 0 means no reservation, not Lambda's "throttle everything": a new account (quota 10) cannot reserve any,
        // since AWS keeps 10 unreserved, and a caller that never runs is what appFunctionEnabled is for.
        var concurrency = in.integer("appFunctionReservedConcurrency", 0, 1000,
                "Application function reserved concurrency (0: none reserved)");
        var instanceType = in.required("notebookInstanceType", INSTANCE_TYPE.asMatchPredicate(),
                "a SageMaker notebook instance type such as ml.t3.medium");
        var platform = in.required("notebookPlatform", NotebookPlatforms::isSupported,
                "a notebook platform, one of " + NotebookPlatforms.SUPPORTED);
        var volume = in.integer("notebookVolumeGb", 5, 16384, "notebook volume size in GB");
        var privateAccess = in.bool("notebookPrivateAccess");
        var userCidrs = notebookUserCidrs(in, vpcCidr);
        if (memory.isEmpty() || timeout.isEmpty() || concurrency.isEmpty() || instanceType.isEmpty()
                || platform.isEmpty() || volume.isEmpty() || privateAccess.isEmpty() || userCidrs.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new CallerSettings(memory.get(), timeout.get(), concurrency.filter(n -> n > 0),
                new CallerSettings.NotebookSettings(instanceType.get(), platform.get(), volume.get()),
                new CallerSettings.NotebookAccessSettings(privateAccess.get(), userCidrs.get())));
    }

    /**
     * The corporate ranges admitted to the notebook's endpoints: private blocks only (they arrive over VPN or Direct
     * Connect, never from the internet), each once and none equal to the VPC's own block (AWS refuses a security group
     * rule that repeats another), and no more than one security group holds.
     */
    private static Optional<List<String>> notebookUserCidrs(ConfigReader in, Optional<Cidr> vpcCidr) {
        String key = "notebookUserCidrs";
        var texts = in.stringList(key, "private IPv4 blocks such as [\"10.100.0.0/16\"]");
        if (texts.isEmpty()) {
            return Optional.empty();
        }
        var blocks = new ArrayList<String>();
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
            } else if (blocks.contains(cidr.get().toString())) {
                in.badValue(key, text, "each block once: AWS refuses a security group rule that repeats another");
            } else {
                blocks.add(cidr.get().toString());
            }
        }
        if (texts.get().size() > MAX_NOTEBOOK_USER_CIDRS) {
            in.problem(key, "(" + texts.get().size() + " blocks)", "at most " + MAX_NOTEBOOK_USER_CIDRS + " blocks: a"
                    + " security group holds 60 inbound rules unless the quota is raised, and the VPC's block takes one");
            return Optional.empty();
        }
        return blocks.size() == texts.get().size() ? Optional.of(List.copyOf(blocks)) : Optional.empty();
    }

    /** Reads the earlier stack only through a well-formed name; its problems are reported against the key. */
    private static Optional<UpstreamStack> readUpstream(ConfigReader in, UpstreamReader upstream, Upstream u) {
        return in.required(u.configKey(), STACK_NAME.asMatchPredicate(), "the " + u.what()
                + " stack's fully qualified name <organization>/<project>/<stack>, e.g. organization/bedrock-stream/"
                + u.example()).flatMap(name -> {
                    var problems = new ArrayList<ConfigProblem>();
                    var read = upstream.read(in.fullKey(u.configKey()), name, u.contract(), problems);
                    problems.forEach(in::add);
                    return read;
                });
    }

    /** The hub serves the ML function's region, from the account the ML stack trusts, on a block that can route to it. */
    private static void checkAgainstMlStack(ConfigReader in, UpstreamStack ml, Own own) {
        String key = in.fullKey(Upstream.of(Role.APP_HUB).orElseThrow().configKey());
        String from = " (from stack '" + ml.stackName() + "')";
        String mlRegion = ml.get(MlOutputs.REGION);
        own.region().filter(r -> !r.equals(mlRegion)).ifPresent(r -> in.badValue(REGION_KEY, r, "the ML region "
                + mlRegion + from + ": the hub's STS and Lambda endpoints must be in the ML function's region"));
        String trusted = ml.get(MlOutputs.APP_ACCOUNT_ID);
        own.accountId().filter(a -> !a.equals(trusted)).ifPresent(a -> in.badValue("accountId", a,
                "the application account the invoker role trusts, " + trusted + from));
        upstreamCidr(in, key, ml, MlOutputs.VPC_CIDR).ifPresent(mlCidr -> own.vpcCidr().filter(c -> c.overlaps(mlCidr))
                .ifPresent(c -> in.badValue("vpcCidr", c.toString(), "a block that does not overlap the ML VPC "
                        + mlCidr + from)));
        checkExternalId(in, key, ml, MlOutputs.EXTERNAL_ID);
    }

    /**
     * A spoke is another region of the hub's account, on a block that overlaps neither the hub's nor the ML VPC's,
     * with a Transit Gateway ASN of its own (AWS recommends a unique ASN for each peered Transit Gateway).
     */
    private static void checkAgainstHubStack(ConfigReader in, UpstreamStack hub, Own own) {
        String key = in.fullKey(Upstream.of(Role.APP_SPOKE).orElseThrow().configKey());
        String from = " (from stack '" + hub.stackName() + "')";
        String hubRegion = hub.get(HubOutputs.REGION);
        own.region().filter(hubRegion::equals).ifPresent(r -> in.badValue(REGION_KEY, r, "a region other than the hub's "
                + hubRegion + from + ": a spoke reaches the hub over inter-region Transit Gateway peering; in the hub's"
                + " region, use the hub's VPC or add subnets to it"));
        String hubAccount = hub.get(HubOutputs.ACCOUNT_ID);
        own.accountId().filter(a -> !a.equals(hubAccount)).ifPresent(a -> in.badValue("accountId", a,
                "the hub's application account " + hubAccount + from + ": the spoke also creates the hub side of its"
                        + " peering, routes and zone associations, with the same credentials"));
        for (var other : List.of(HubOutputs.VPC_CIDR, HubOutputs.ML_VPC_CIDR)) {
            upstreamCidr(in, key, hub, other).ifPresent(block -> own.vpcCidr().filter(c -> c.overlaps(block))
                    .ifPresent(c -> in.badValue("vpcCidr", c.toString(), "a block that does not overlap the "
                            + (other == HubOutputs.VPC_CIDR ? "hub" : "ML") + " VPC " + block + from)));
        }
        String hubAsn = hub.get(HubOutputs.TRANSIT_GATEWAY_ASN);
        own.asn().filter(a -> hubAsn.equals(Integer.toString(a))).ifPresent(a -> in.badValue("transitGatewayAsn",
                hubAsn, "an ASN other than the hub Transit Gateway's " + hubAsn + from
                        + ": AWS recommends a unique ASN for each peered Transit Gateway"));
        checkExternalId(in, key, hub, HubOutputs.INVOKE_EXTERNAL_ID);
    }

    /** A CIDR another stack exported; a malformed one is reported against the key that named that stack. */
    private static Optional<Cidr> upstreamCidr(ConfigReader in, String key, UpstreamStack up, StackOutput<String> output) {
        String text = up.get(output);
        var cidr = Cidr.parse(text);
        if (cidr.isEmpty()) {
            in.add(new ConfigProblem(key, ConfigReader.quote(up.stackName()), "stack '" + up.stackName() + "' to export '"
                    + output.name() + "' as " + Cidr.EXPECTED + ", but it exported " + ConfigReader.quote(text)));
        }
        return cidr;
    }

    /**
     * The external id read from another stack must pass the ML stack's own rule. A stack that cannot decrypt the
     * other's secrets gets a placeholder instead of the value from recent Pulumi versions, and every AssumeRole with
     * it would be denied at run time.
     */
    private static void checkExternalId(ConfigReader in, String key, UpstreamStack up, StackOutput<String> output) {
        if (!EXTERNAL_ID.matcher(up.revealToValidate(output)).matches()) {
            in.add(new ConfigProblem(key, ConfigReader.quote(up.stackName()), "stack '" + up.stackName() + "' to export '"
                    + output.name() + "' as the invoker role's external id (16 to 1224 characters from"
                    + " [A-Za-z0-9+=,.@:/_-]), but this stack read something else, " + UpstreamStack.CANNOT_DECRYPT));
        }
    }

    /** Shorter than this, a trail adds little to CloudTrail's own 90-day event history. */
    static final int SHORTEST_EXPIRATION_DAYS = 90;

    /** Reads the audit keys {@code role} uses; problems go to {@code in}. */
    private static Optional<AuditSettings> audit(ConfigReader in, Role role) {
        var dns = in.bool("dnsQueryLogging");
        Optional<Optional<AuditSettings.Trail>> trail = role == Role.APP_SPOKE ? Optional.of(Optional.empty()) : trail(in).map(Optional::of);
        Optional<Optional<Integer>> invocations = Optional.of(Optional.empty());
        if (role == Role.ML) {
            var on = in.bool("modelInvocationLogging");
            var retention = in.number("modelInvocationLogRetentionDays",
                    n -> LOG_RETENTION_DAYS.contains((int) n) && n <= 3653,
                    "a CloudWatch Logs retention in days for the prompts and answers, one of "
                            + LOG_RETENTION_DAYS.stream().sorted().toList());
            invocations = on.flatMap(o -> retention.map(days -> o ? Optional.of(days.intValue()) : Optional.empty()));
        }
        if (dns.isEmpty() || trail.isEmpty() || invocations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditSettings(trail.get(), dns.get(), invocations.get()));
    }

    private static Optional<AuditSettings.Trail> trail(ConfigReader in) {
        var mode = in.required("auditTrail", "one of " + AuditSettings.TrailMode.choices()).flatMap(value -> {
            var parsed = Arrays.stream(AuditSettings.TrailMode.values()).filter(m -> m.configValue().equals(value)).findFirst();
            if (parsed.isEmpty()) {
                in.badValue("auditTrail", value, "one of " + AuditSettings.TrailMode.choices()
                        + " (account: this stack creates the trail; organization: an organization trail covers the account)");
            }
            return parsed;
        });
        var expiration = in.integer("auditLogExpirationDays", SHORTEST_EXPIRATION_DAYS, 3653,
                "days the trail's log files are kept (CloudTrail's event history already covers 90)");
        var transition = in.number("auditLogTransitionDays", n -> n >= 0 && expiration.map(e -> n < e).orElse(true),
                "0 (log files stay in S3 Standard) or the days after which they move to S3 Glacier Instant Retrieval,"
                        + " fewer than auditLogExpirationDays" + expiration.map(e -> " (" + e + ")").orElse(""));
        if (mode.isEmpty() || expiration.isEmpty() || transition.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditSettings.Trail(mode.get(), expiration.get(), transition.get().intValue()));
    }
}
