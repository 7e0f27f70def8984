package com.example.bedrockstream.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * One IAM statement. Built with {@link #allow(String)} or {@link #deny(String)}; the builder refuses the shapes this
 * project never wants: a wildcard action, or a resource of "*" that was not asked for by name with
 * {@link Builder#anyResource()}. Only a Deny may apply to everyone and to every action of a service, because a
 * guard such as "no request without TLS" must leave no one and nothing out.
 */
public record Statement(
        String sid,
        String effect,
        Optional<Principal> principal,
        List<String> actions,
        List<String> resources,
        List<Condition> conditions) {

    public static Builder allow(String sid) {
        return new Builder(sid, "Allow");
    }

    /** A guard that holds whatever else the principal is granted: an explicit deny beats every allow. */
    public static Builder deny(String sid) {
        return new Builder(sid, "Deny");
    }

    public static final class Builder {
        private final String sid;
        private final String effect;
        private Principal principal;
        private final List<String> actions = new ArrayList<>();
        private final List<String> resources = new ArrayList<>();
        private final List<Condition> conditions = new ArrayList<>();

        private Builder(String sid, String effect) {
            if (!sid.matches("[A-Za-z0-9]+")) {
                throw new IllegalArgumentException("a statement id is alphanumeric: " + sid);
            }
            this.sid = sid;
            this.effect = effect;
        }

        public Builder principal(Principal principal) {
            this.principal = principal;
            return this;
        }

        public Builder actions(String... actions) {
            for (String action : actions) {
                if (!action.matches("[a-z0-9-]+:[A-Za-z0-9*]+") || action.endsWith(":*")) {
                    throw new IllegalArgumentException("an action names a service and an operation: " + action);
                }
                this.actions.add(action);
            }
            return this;
        }

        /** Every action of {@code service} (e.g. "s3:*"); only a Deny may say so. */
        public Builder everyActionOf(String service) {
            requireDeny("every action of " + service);
            if (!service.matches("[a-z0-9-]+")) {
                throw new IllegalArgumentException("a service prefix such as s3: " + service);
            }
            this.actions.add(service + ":*");
            return this;
        }

        /** Everyone, the principal of a guard; only a Deny may say so. */
        public Builder anyone() {
            requireDeny("everyone");
            this.principal = new Principal("AWS", List.of(Principal.EVERYONE));
            return this;
        }

        private void requireDeny(String what) {
            if (!effect.equals("Deny")) {
                throw new IllegalStateException("statement " + sid + " may not allow " + what + "; only a Deny may name it");
            }
        }

        public Builder resources(String... resources) {
            return resources(Arrays.asList(resources));
        }

        public Builder resources(List<String> resources) {
            for (String resource : resources) {
                if (!resource.startsWith("arn:")) {
                    throw new IllegalArgumentException("a resource is an ARN: " + resource);
                }
                this.resources.add(resource);
            }
            return this;
        }

        /** For actions that support no resource-level permission (such as ec2:DescribeNetworkInterfaces). */
        public Builder anyResource() {
            this.resources.add("*");
            return this;
        }

        public Builder condition(String operator, String key, String... values) {
            return condition(operator, key, Arrays.asList(values));
        }

        public Builder condition(String operator, String key, List<String> values) {
            conditions.add(new Condition(operator, key, values));
            return this;
        }

        public Statement build() {
            if (actions.isEmpty()) {
                throw new IllegalStateException("statement " + sid + " has no action");
            }
            if (principal != null && principal.isEveryone()) {
                requireDeny("everyone");
            }
            if (resources.isEmpty() && principal == null) {
                throw new IllegalStateException("statement " + sid + " names neither a resource nor a principal");
            }
            return new Statement(sid, effect, Optional.ofNullable(principal), List.copyOf(actions),
                    List.copyOf(resources), List.copyOf(conditions));
        }
    }
}
