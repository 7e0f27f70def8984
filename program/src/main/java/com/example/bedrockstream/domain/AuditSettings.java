package com.example.bedrockstream.domain;

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

        public static String choices() {
            return Arrays.stream(values()).map(m -> "'" + m.configValue + "'").collect(Collectors.joining(", "));
        }
    }

    /**
     * @param logTransitionDays 0: log files stay in S3 Standard until they expire
     */
    public record Trail(TrailMode mode, int logExpirationDays, int logTransitionDays) {
    }
}
