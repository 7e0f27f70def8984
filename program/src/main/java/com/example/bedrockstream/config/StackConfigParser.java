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
import com.example.bedrockstream.domain.FunctionLimits;
import com.example.bedrockstream.domain.MonitoringSettings;
import com.example.bedrockstream.domain.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Stream;

import static com.example.bedrockstream.config.ConfigKeys.ACCOUNT_ID;
import static com.example.bedrockstream.config.ConfigKeys.ALARMS_ENABLED;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_BEDROCK_THROTTLES;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_CONCURRENCY_PERCENT;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_DURATION_PERCENT;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_EMAIL;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_FAILURES_PER_ERROR_NAME;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_FUNCTION_ERRORS;
import static com.example.bedrockstream.config.ConfigKeys.ALARM_TIME_TO_FIRST_DELTA_MS;
import static com.example.bedrockstream.config.ConfigKeys.ALLOWED_MODEL_IDS;
import static com.example.bedrockstream.config.ConfigKeys.ALLOWED_STS_ENDPOINT_IDS;
import static com.example.bedrockstream.config.ConfigKeys.APP_ACCOUNT_ID;
import static com.example.bedrockstream.config.ConfigKeys.APP_FUNCTION_ENABLED;
import static com.example.bedrockstream.config.ConfigKeys.APP_FUNCTION_MEMORY_MB;
import static com.example.bedrockstream.config.ConfigKeys.APP_FUNCTION_RESERVED_CONCURRENCY;
import static com.example.bedrockstream.config.ConfigKeys.APP_FUNCTION_TIMEOUT_SECONDS;
import static com.example.bedrockstream.config.ConfigKeys.AUDIT_LOG_EXPIRATION_DAYS;
import static com.example.bedrockstream.config.ConfigKeys.AUDIT_LOG_TRANSITION_DAYS;
import static com.example.bedrockstream.config.ConfigKeys.AUDIT_TRAIL;
import static com.example.bedrockstream.config.ConfigKeys.AVAILABILITY_ZONES;
import static com.example.bedrockstream.config.ConfigKeys.CANARY_ENABLED;
import static com.example.bedrockstream.config.ConfigKeys.CANARY_MODEL_ID;
import static com.example.bedrockstream.config.ConfigKeys.CANARY_RATE_MINUTES;
import static com.example.bedrockstream.config.ConfigKeys.DASHBOARD_ENABLED;
import static com.example.bedrockstream.config.ConfigKeys.DNS_QUERY_LOGGING;
import static com.example.bedrockstream.config.ConfigKeys.EXTERNAL_ID;
import static com.example.bedrockstream.config.ConfigKeys.EXTERNAL_ID_SHAPE;
import static com.example.bedrockstream.config.ConfigKeys.FUNCTION_MEMORY_MB;
import static com.example.bedrockstream.config.ConfigKeys.FUNCTION_RESERVED_CONCURRENCY;
import static com.example.bedrockstream.config.ConfigKeys.FUNCTION_TIMEOUT_SECONDS;
import static com.example.bedrockstream.config.ConfigKeys.INVOKER_PRINCIPAL_PREFIX;
import static com.example.bedrockstream.config.ConfigKeys.INVOKER_SESSION_SECONDS;
import static com.example.bedrockstream.config.ConfigKeys.LOG_RETENTION_DAYS;
import static com.example.bedrockstream.config.ConfigKeys.MAX_OUTPUT_TOKENS;
import static com.example.bedrockstream.config.ConfigKeys.MAX_REQUEST_BYTES;
import static com.example.bedrockstream.config.ConfigKeys.MODEL_INVOCATION_LOGGING;
import static com.example.bedrockstream.config.ConfigKeys.MODEL_INVOCATION_LOG_RETENTION_DAYS;
import static com.example.bedrockstream.config.ConfigKeys.NOTEBOOK_ENABLED;
import static com.example.bedrockstream.config.ConfigKeys.NOTEBOOK_INSTANCE_TYPE;
import static com.example.bedrockstream.config.ConfigKeys.NOTEBOOK_PLATFORM;
import static com.example.bedrockstream.config.ConfigKeys.NOTEBOOK_PRIVATE_ACCESS;
import static com.example.bedrockstream.config.ConfigKeys.NOTEBOOK_USER_CIDRS;
import static com.example.bedrockstream.config.ConfigKeys.NOTEBOOK_VOLUME_GB;
import static com.example.bedrockstream.config.ConfigKeys.REGION;
import static com.example.bedrockstream.config.ConfigKeys.ROLE;
import static com.example.bedrockstream.config.ConfigKeys.TRANSIT_GATEWAY_ASN;
import static com.example.bedrockstream.config.ConfigKeys.VPC_CIDR;

/**
 * Turns a stack's raw config into a {@link StackConfig}, or throws one {@link ConfigurationException} that lists
 * every bad value. Each key's own check is in {@link ConfigKeys}; here are only the checks of keys against each other
 * and against the earlier stack. Nothing here registers a resource.
 */
public final class StackConfigParser {
    public static final String NAMESPACE = "bedrock-stream";
    /** Not a config key, but where names come from: problems with it are reported like one. */
    static final String STACK_NAME_KEY = "stack name";

    private static final ConfigReader.Derived<AwsProviderConfig> AWS = new ConfigReader.Derived<>("aws provider");
    private static final ConfigReader.Derived<UpstreamStack> UPSTREAM = new ConfigReader.Derived<>("upstream stack");
    private static final ConfigReader.Derived<CallerSettings> CALLERS = new ConfigReader.Derived<>("callers");
    private static final ConfigReader.Derived<MonitoringSettings> MONITORING = new ConfigReader.Derived<>("monitoring");
    private static final ConfigReader.Derived<AuditSettings> AUDIT = new ConfigReader.Derived<>("audit");

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

        Optional<Role> role = in.read(ROLE);
        Optional<String> region = in.read(REGION);
        role.ifPresent(r -> region.ifPresent(reg -> checkRegionForRole(in, r, reg)));
        var accountId = in.read(ACCOUNT_ID);
        var vpcCidr = in.read(VPC_CIDR);
        var zones = in.read(AVAILABILITY_ZONES);
        vpcCidr.ifPresent(cidr -> zones.ifPresent(z -> checkSubnetsFit(in, cidr, z.size())));
        in.read(LOG_RETENTION_DAYS);
        in.keep(AWS, AwsProviderConfig.parse(in, region, accountId));

        // The time-to-first-delta alarm is weighed against the function timeout only when the ML keys hold.
        boolean mlHolds = role.filter(r -> r == Role.ML).isPresent() && readMl(in, region, accountId);
        boolean application = role.filter(r -> r == Role.APP_HUB || r == Role.APP_SPOKE).isPresent();
        if (application) {
            in.read(TRANSIT_GATEWAY_ASN);
            Stream.of(APP_FUNCTION_MEMORY_MB, APP_FUNCTION_TIMEOUT_SECONDS, APP_FUNCTION_RESERVED_CONCURRENCY,
                    NOTEBOOK_INSTANCE_TYPE, NOTEBOOK_PLATFORM, NOTEBOOK_VOLUME_GB, NOTEBOOK_PRIVATE_ACCESS,
                    NOTEBOOK_USER_CIDRS).forEach(in::read);
            in.keep(CALLERS, callers(in));
        }
        var appFunctionEnabled = role.filter(r -> r == Role.APP_SPOKE).flatMap(r -> in.read(APP_FUNCTION_ENABLED));
        var notebookEnabled = role.filter(r -> r == Role.APP_SPOKE).flatMap(r -> in.read(NOTEBOOK_ENABLED));
        role.ifPresent(r -> readMonitoring(in, r, mlHolds, appFunctionEnabled.orElse(true)));

        Optional<UpstreamStack> up = in.keep(UPSTREAM, role.flatMap(Upstream::of)
                .flatMap(u -> readUpstream(in, upstream, u)));
        if (role.isPresent() && up.isPresent()) {
            switch (role.get()) {
                case APP_HUB -> checkAgainstMlStack(in, up.get(), region, accountId, vpcCidr);
                case APP_SPOKE -> checkAgainstHubStack(in, up.get(), region, accountId, vpcCidr);
                case ML -> throw new IllegalStateException("the ML role reads no stack");
            }
        }

        // Audit (issue 13): the trail, DNS query logs and model-invocation logs each stack records.
        Optional<AuditSettings> audit = in.keep(AUDIT, role.flatMap(r -> readAudit(in, r)));

        role.ifPresent(r -> {
            // Caller role names start with the ML stack's principal prefix, which arrives through the upstream stack.
            String callerPrefix = up.map(u -> switch (r) {
                case ML -> "";
                case APP_HUB -> u.get(MlOutputs.INVOKER_PRINCIPAL_PREFIX);
                case APP_SPOKE -> u.get(HubOutputs.INVOKER_PRINCIPAL_PREFIX);
            }).orElse("");
            StackNames.problem(r, stack, callerPrefix, appFunctionEnabled.orElse(true), notebookEnabled.orElse(true),
                            in.known(CALLERS).map(c -> c.notebookAccess().privateAccess()).orElse(true),
                            StackNames.AuditNames.of(accountId, region, audit))
                    .ifPresent(p -> in.add(new ConfigProblem(STACK_NAME_KEY, ConfigReader.quote(stack), p)));
        });
        checkKeys(in, stack, role, keys);

        if (!in.problems().isEmpty()) {
            throw new ConfigurationException(stack, in.problems());
        }
        return assemble(stack, in.values());
    }

    /** Builds the config from values that all passed their checks. */
    private static StackConfig assemble(String stack, ConfigReader.Values v) {
        Role role = v.get(ROLE);
        var common = new CommonSettings(stack, role, v.get(REGION), v.get(ACCOUNT_ID), v.get(VPC_CIDR),
                v.get(AVAILABILITY_ZONES), v.get(LOG_RETENTION_DAYS), v.get(AWS));
        RoleSettings settings = switch (role) {
            case ML -> new MlSettings(v.get(APP_ACCOUNT_ID), v.get(INVOKER_PRINCIPAL_PREFIX), v.get(EXTERNAL_ID),
                    v.get(ALLOWED_MODEL_IDS), v.get(CANARY_MODEL_ID), v.get(INVOKER_SESSION_SECONDS),
                    v.get(ALLOWED_STS_ENDPOINT_IDS), new FunctionLimits(v.get(FUNCTION_MEMORY_MB),
                    v.get(FUNCTION_TIMEOUT_SECONDS), v.get(FUNCTION_RESERVED_CONCURRENCY), v.get(MAX_REQUEST_BYTES),
                    v.get(MAX_OUTPUT_TOKENS)));
            case APP_HUB -> new HubSettings(v.get(UPSTREAM), v.get(TRANSIT_GATEWAY_ASN), v.get(CALLERS));
            case APP_SPOKE -> new SpokeSettings(v.get(UPSTREAM), v.get(TRANSIT_GATEWAY_ASN), v.get(CALLERS),
                    v.get(APP_FUNCTION_ENABLED), v.get(NOTEBOOK_ENABLED));
        };
        return new StackConfig(common, settings, v.get(AUDIT), v.get(MONITORING));
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

    private static void checkRegionForRole(ConfigReader in, Role role, String region) {
        if (role == Role.ML && !AwsRegions.BEDROCK_RUNTIME.contains(region)) {
            in.badValue(REGION.name(), region, "for role 'ml', a region with the bedrock-runtime endpoint, one of "
                    + AwsRegions.BEDROCK_RUNTIME.stream().sorted().toList());
        }
    }

    /** Checked after the AZs are known: the VPC must hold one subnet per zone of at least the smallest size. */
    private static void checkSubnetsFit(ConfigReader in, Cidr cidr, int zones) {
        if (cidr.subnetPrefixFor(zones) > Cidr.SMALLEST_SUBNET_PREFIX) {
            in.badValue(VPC_CIDR.name(), cidr.toString(), "a block large enough for " + zones + " subnets of /"
                    + Cidr.SMALLEST_SUBNET_PREFIX + " or larger, i.e. /"
                    + (Cidr.SMALLEST_SUBNET_PREFIX - (cidr.subnetPrefixFor(zones) - cidr.prefixLength()))
                    + " or larger");
        }
    }

    /** Reads the ML role's keys; whether no problem was found so far, this stack's other keys included. */
    private static boolean readMl(ConfigReader in, Optional<String> region, Optional<String> accountId) {
        Stream.of(APP_ACCOUNT_ID, INVOKER_PRINCIPAL_PREFIX, EXTERNAL_ID).forEach(in::read);
        var models = in.read(ALLOWED_MODEL_IDS);
        in.read(CANARY_MODEL_ID);
        // AWS would refuse an oversized policy mid-deployment, after part of the stack exists.
        models.ifPresent(m -> accountId.filter(a -> region.filter(r -> !r.isEmpty()).isPresent())
                .flatMap(a -> PolicyLimits.allowedModelsProblem(m, region.get(), a))
                .ifPresent(p -> in.problem(ALLOWED_MODEL_IDS.name(), "(" + m.size() + " models)", p)));
        // The function cuts a stream 2 s before its deadline (DEADLINE_MARGIN_MS), so it needs a few seconds at least.
        Stream.of(INVOKER_SESSION_SECONDS, ALLOWED_STS_ENDPOINT_IDS, FUNCTION_MEMORY_MB, FUNCTION_TIMEOUT_SECONDS,
                FUNCTION_RESERVED_CONCURRENCY, MAX_REQUEST_BYTES, MAX_OUTPUT_TOKENS).forEach(in::read);
        return in.problems().isEmpty();
    }

    /** The callers an application stack runs, once all their keys were read and held. */
    private static Optional<CallerSettings> callers(ConfigReader in) {
        var memory = in.known(APP_FUNCTION_MEMORY_MB);
        var timeout = in.known(APP_FUNCTION_TIMEOUT_SECONDS);
        var concurrency = in.known(APP_FUNCTION_RESERVED_CONCURRENCY);
        var instanceType = in.known(NOTEBOOK_INSTANCE_TYPE);
        var platform = in.known(NOTEBOOK_PLATFORM);
        var volume = in.known(NOTEBOOK_VOLUME_GB);
        var privateAccess = in.known(NOTEBOOK_PRIVATE_ACCESS);
        var userCidrs = in.known(NOTEBOOK_USER_CIDRS);
        if (memory.isEmpty() || timeout.isEmpty() || concurrency.isEmpty() || instanceType.isEmpty()
                || platform.isEmpty() || volume.isEmpty() || privateAccess.isEmpty() || userCidrs.isEmpty()) {
            return Optional.empty();
        }
        // 0 means no reservation, not Lambda's "throttle everything": a new account (quota 10) cannot reserve any,
        // since AWS keeps 10 unreserved, and a caller that never runs is what appFunctionEnabled is for.
        return Optional.of(new CallerSettings(memory.get(), timeout.get(), concurrency.filter(n -> n > 0),
                new CallerSettings.NotebookSettings(instanceType.get(), platform.get(), volume.get()),
                new CallerSettings.NotebookAccessSettings(privateAccess.get(),
                        userCidrs.get().stream().map(Cidr::toString).toList())));
    }

    /** Monitoring (issue 13): alarms, their topic and e-mail, the dashboard, and the application stacks' canary. */
    private static void readMonitoring(ConfigReader in, Role role, boolean mlHolds, boolean appFunction) {
        in.read(ALARMS_ENABLED);
        in.read(ALARM_EMAIL);
        in.read(DASHBOARD_ENABLED);
        if (role == Role.ML) {
            Stream.of(ALARM_FUNCTION_ERRORS, ALARM_CONCURRENCY_PERCENT, ALARM_DURATION_PERCENT,
                    ALARM_TIME_TO_FIRST_DELTA_MS).forEach(in::read);
            // The first delta can only come before the function times out; a higher threshold could never be crossed.
            in.known(ALARM_TIME_TO_FIRST_DELTA_MS).ifPresent(ms -> in.known(FUNCTION_TIMEOUT_SECONDS)
                    .filter(s -> mlHolds && ms >= s * 1000)
                    .ifPresent(s -> in.badValue(ALARM_TIME_TO_FIRST_DELTA_MS.name(), Integer.toString(ms),
                            "less than the function timeout of " + s * 1000 + " ms (functionTimeoutSeconds)")));
            Stream.of(ALARM_FAILURES_PER_ERROR_NAME, ALARM_BEDROCK_THROTTLES).forEach(in::read);
        } else {
            // At most 720 minutes: the alarm reads two runs, and CloudWatch evaluates at most a day.
            var enabled = in.read(CANARY_ENABLED);
            in.read(CANARY_RATE_MINUTES);
            enabled.filter(on -> on && !appFunction).ifPresent(on -> in.badValue(CANARY_ENABLED.name(), "true",
                    "false while appFunctionEnabled is false: the canary invokes this stack's Application Lambda"));
        }
        in.keep(MONITORING, monitoring(in, role)).ifPresent(settings -> settings.alarmEmail().filter(e -> !settings.hasAlarms())
                .ifPresent(e -> in.badValue(ALARM_EMAIL.name(), e, "empty: this stack has no alarm to send"
                        + " (alarmsEnabled is false, or this application stack's canary is off)")));
    }

    /** What the stack watches, once all the monitoring keys of its role were read and held. */
    private static Optional<MonitoringSettings> monitoring(ConfigReader in, Role role) {
        Optional<MonitoringSettings.MlThresholds> thresholds = Optional.empty();
        Optional<MonitoringSettings.CanarySettings> canary = Optional.empty();
        if (role == Role.ML) {
            var errors = in.known(ALARM_FUNCTION_ERRORS);
            var concurrency = in.known(ALARM_CONCURRENCY_PERCENT);
            var duration = in.known(ALARM_DURATION_PERCENT);
            var ttfd = in.known(ALARM_TIME_TO_FIRST_DELTA_MS);
            var failures = in.known(ALARM_FAILURES_PER_ERROR_NAME);
            var throttles = in.known(ALARM_BEDROCK_THROTTLES);
            if (errors.isEmpty() || concurrency.isEmpty() || duration.isEmpty() || ttfd.isEmpty() || failures.isEmpty()
                    || throttles.isEmpty()) {
                return Optional.empty();
            }
            thresholds = Optional.of(new MonitoringSettings.MlThresholds(errors.get(), concurrency.get(),
                    duration.get(), ttfd.get(), failures.get(), throttles.get()));
        } else {
            var enabled = in.known(CANARY_ENABLED);
            var rate = in.known(CANARY_RATE_MINUTES);
            if (enabled.isEmpty() || rate.isEmpty()) {
                return Optional.empty();
            }
            canary = Optional.of(new MonitoringSettings.CanarySettings(enabled.get(), rate.get()));
        }
        var alarms = in.known(ALARMS_ENABLED);
        var dashboard = in.known(DASHBOARD_ENABLED);
        if (alarms.isEmpty() || dashboard.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new MonitoringSettings(alarms.get(), in.known(ALARM_EMAIL).orElseThrow(), dashboard.get(),
                thresholds, canary));
    }

    /** Reads the audit keys {@code role} uses; problems go to {@code in}. */
    private static Optional<AuditSettings> readAudit(ConfigReader in, Role role) {
        var dns = in.read(DNS_QUERY_LOGGING);
        Optional<Optional<AuditSettings.Trail>> trail = role == Role.APP_SPOKE ? Optional.of(Optional.empty())
                : trail(in).map(Optional::of);
        Optional<Optional<Integer>> invocations = Optional.of(Optional.empty());
        if (role == Role.ML) {
            var on = in.read(MODEL_INVOCATION_LOGGING);
            var retention = in.read(MODEL_INVOCATION_LOG_RETENTION_DAYS);
            invocations = on.flatMap(o -> retention.map(days -> o ? Optional.of(days) : Optional.empty()));
        }
        if (dns.isEmpty() || trail.isEmpty() || invocations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditSettings(trail.get(), dns.get(), invocations.get()));
    }

    private static Optional<AuditSettings.Trail> trail(ConfigReader in) {
        var mode = in.read(AUDIT_TRAIL);
        var expiration = in.read(AUDIT_LOG_EXPIRATION_DAYS);
        var transition = in.read(AUDIT_LOG_TRANSITION_DAYS);
        if (mode.isEmpty() || expiration.isEmpty() || transition.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditSettings.Trail(mode.get(), expiration.get(), transition.get()));
    }

    /** Reads the earlier stack only through a well-formed name; its problems are reported against the key. */
    private static Optional<UpstreamStack> readUpstream(ConfigReader in, UpstreamReader upstream, Upstream u) {
        return in.read(u.key()).flatMap(name -> {
            var problems = new ArrayList<ConfigProblem>();
            var read = upstream.read(in.fullKey(u.configKey()), name, u.contract(), problems);
            problems.forEach(in::add);
            return read;
        });
    }

    /** The hub serves the ML function's region, from the account the ML stack trusts, on a block that can route to it. */
    private static void checkAgainstMlStack(ConfigReader in, UpstreamStack ml, Optional<String> region,
                                            Optional<String> accountId, Optional<Cidr> vpcCidr) {
        String key = in.fullKey(Upstream.of(Role.APP_HUB).orElseThrow().configKey());
        String from = " (from stack '" + ml.stackName() + "')";
        String mlRegion = ml.get(MlOutputs.REGION);
        region.filter(r -> !r.equals(mlRegion)).ifPresent(r -> in.badValue(REGION.name(), r, "the ML region "
                + mlRegion + from + ": the hub's STS and Lambda endpoints must be in the ML function's region"));
        String trusted = ml.get(MlOutputs.APP_ACCOUNT_ID);
        accountId.filter(a -> !a.equals(trusted)).ifPresent(a -> in.badValue(ACCOUNT_ID.name(), a,
                "the application account the invoker role trusts, " + trusted + from));
        upstreamCidr(in, key, ml, MlOutputs.VPC_CIDR).ifPresent(mlCidr -> vpcCidr.filter(c -> c.overlaps(mlCidr))
                .ifPresent(c -> in.badValue(VPC_CIDR.name(), c.toString(), "a block that does not overlap the ML VPC "
                        + mlCidr + from)));
        checkExternalId(in, key, ml, MlOutputs.EXTERNAL_ID);
    }

    /**
     * A spoke is another region of the hub's account, on a block that overlaps neither the hub's nor the ML VPC's,
     * with a Transit Gateway ASN of its own (AWS recommends a unique ASN for each peered Transit Gateway).
     */
    private static void checkAgainstHubStack(ConfigReader in, UpstreamStack hub, Optional<String> region,
                                             Optional<String> accountId, Optional<Cidr> vpcCidr) {
        String key = in.fullKey(Upstream.of(Role.APP_SPOKE).orElseThrow().configKey());
        String from = " (from stack '" + hub.stackName() + "')";
        String hubRegion = hub.get(HubOutputs.REGION);
        region.filter(hubRegion::equals).ifPresent(r -> in.badValue(REGION.name(), r, "a region other than the hub's "
                + hubRegion + from + ": a spoke reaches the hub over inter-region Transit Gateway peering; in the hub's"
                + " region, use the hub's VPC or add subnets to it"));
        String hubAccount = hub.get(HubOutputs.ACCOUNT_ID);
        accountId.filter(a -> !a.equals(hubAccount)).ifPresent(a -> in.badValue(ACCOUNT_ID.name(), a,
                "the hub's application account " + hubAccount + from + ": the spoke also creates the hub side of its"
                        + " peering, routes and zone associations, with the same credentials"));
        for (var other : List.of(HubOutputs.VPC_CIDR, HubOutputs.ML_VPC_CIDR)) {
            upstreamCidr(in, key, hub, other).ifPresent(block -> vpcCidr.filter(c -> c.overlaps(block))
                    .ifPresent(c -> in.badValue(VPC_CIDR.name(), c.toString(), "a block that does not overlap the "
                            + (other == HubOutputs.VPC_CIDR ? "hub" : "ML") + " VPC " + block + from)));
        }
        String hubAsn = hub.get(HubOutputs.TRANSIT_GATEWAY_ASN);
        in.known(TRANSIT_GATEWAY_ASN).filter(a -> hubAsn.equals(Integer.toString(a))).ifPresent(a -> in.badValue(
                TRANSIT_GATEWAY_ASN.name(), hubAsn, "an ASN other than the hub Transit Gateway's " + hubAsn + from
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
        if (!EXTERNAL_ID_SHAPE.matcher(up.revealToValidate(output)).matches()) {
            in.add(new ConfigProblem(key, ConfigReader.quote(up.stackName()), "stack '" + up.stackName() + "' to export '"
                    + output.name() + "' as the invoker role's external id (16 to 1224 characters from"
                    + " [A-Za-z0-9+=,.@:/_-]), but this stack read something else, " + UpstreamStack.CANNOT_DECRYPT));
        }
    }
}
