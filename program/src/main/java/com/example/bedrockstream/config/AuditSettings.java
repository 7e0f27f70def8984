package com.example.bedrockstream.config;

import com.example.bedrockstream.Role;

import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What a stack records for audit. The ML and hub stacks each cover their account with a trail (or leave that to an
 * organization trail); a spoke shares the hub's account, whose multi-region trail already records it. Every stack
 * logs the DNS queries of its VPC; the ML stack may log model invocations, which hold prompts and answers.
 *
 * @param trail                           the account's trail, for the roles that own one (ml, app-hub)
 * @param dnsQueryLogging                 Route 53 Resolver query logs of the stack's VPC
 * @param modelInvocationLogRetentionDays present when Bedrock model-invocation logging is on (ml only)
 */
public record AuditSettings(Optional<Trail> trail, boolean dnsQueryLogging,
                            Optional<Integer> modelInvocationLogRetentionDays) {

    /** Who records the account's API activity. */
    public enum TrailMode {
        /** This stack creates a multi-region trail for its account. */
        ACCOUNT("account"),
        /** An organization trail already covers the account: nothing is created. */
        ORGANIZATION("organization"),
        /** Nothing records the account: only for accounts audited some other way. */
        OFF("off");

        private final String configValue;

        TrailMode(String configValue) {
            this.configValue = configValue;
        }

        public String configValue() {
            return configValue;
        }

        static String choices() {
            return Arrays.stream(values()).map(m -> "'" + m.configValue + "'").collect(Collectors.joining(", "));
        }
    }

    /**
     * @param logTransitionDays 0: log files stay in S3 Standard until they expire
     */
    public record Trail(TrailMode mode, int logExpirationDays, int logTransitionDays) {
    }

    /** Shorter than this, a trail adds little to CloudTrail's own 90-day event history. */
    static final int SHORTEST_EXPIRATION_DAYS = 90;

    /** Reads the audit keys {@code role} uses; problems go to {@code in}. */
    static Optional<AuditSettings> read(ConfigReader in, Role role) {
        var dns = in.bool("dnsQueryLogging");
        Optional<Optional<Trail>> trail = role == Role.APP_SPOKE ? Optional.of(Optional.empty()) : trail(in).map(Optional::of);
        Optional<Optional<Integer>> invocations = Optional.of(Optional.empty());
        if (role == Role.ML) {
            var on = in.bool("modelInvocationLogging");
            var retention = in.number("modelInvocationLogRetentionDays",
                    n -> StackConfigParser.LOG_RETENTION_DAYS.contains((int) n) && n <= 3653,
                    "a CloudWatch Logs retention in days for the prompts and answers, one of "
                            + StackConfigParser.LOG_RETENTION_DAYS.stream().sorted().toList());
            invocations = on.flatMap(o -> retention.map(days -> o ? Optional.of(days.intValue()) : Optional.empty()));
        }
        if (dns.isEmpty() || trail.isEmpty() || invocations.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AuditSettings(trail.get(), dns.get(), invocations.get()));
    }

    private static Optional<Trail> trail(ConfigReader in) {
        var mode = in.required("auditTrail", "one of " + TrailMode.choices()).flatMap(value -> {
            var parsed = Arrays.stream(TrailMode.values()).filter(m -> m.configValue.equals(value)).findFirst();
            if (parsed.isEmpty()) {
                in.badValue("auditTrail", value, "one of " + TrailMode.choices()
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
        return Optional.of(new Trail(mode.get(), expiration.get(), transition.get().intValue()));
    }
}
