package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.AuditSettings;
import com.example.bedrockstream.domain.AwsNames;
import com.example.bedrockstream.domain.Role;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The AWS names each role derives from the stack name, and the one check of the stack name against all of them. The
 * compositions take their names from here; the names components derive inside (aliases, flow logs, lifecycle
 * configurations, security groups) are mirrored, and StackNamesTest holds every registered name to this list.
 */
public final class StackNames {
    /** Pulumi auto-names a resource without an explicit name: its logical name, a hyphen and 7 random characters. */
    static final int AUTONAME_SUFFIX = 8;

    /** A name AWS will be asked for, and the rule it must pass. */
    public record Derived(String name, AwsNames rule) {
    }

    private StackNames() {
    }

    public static String mlFunction(String stack) {
        return stack + "-ml-stream";
    }

    public static String invokerRole(String stack) {
        return stack + "-bedrock-invoker";
    }

    public static String appFunction(String stack) {
        return stack + "-app-invoker";
    }

    /** Caller roles carry the invoker's principal prefix, so its trust admits them. */
    public static String appFunctionRole(String callerPrefix, String stack) {
        return callerPrefix + appFunction(stack);
    }

    public static String notebook(String stack) {
        return stack + "-bedrock-sample";
    }

    public static String notebookRole(String callerPrefix, String stack) {
        return callerPrefix + stack + "-notebook";
    }

    /** The notebook's private way in: its endpoints' security group, and the managed policy its users are given. */
    public static String notebookAccess(String stack) {
        return stack + "-notebook-access";
    }

    public static String notebookUserPolicy(String stack) {
        return stack + "-notebook-users";
    }

    public static String auditTrail(String stack) {
        return stack + "-audit";
    }

    /**
     * Bucket names are global: the account and region make this one unique, and S3 takes no capital letters. Only
     * '_' (refused) could still make two stack names map to one bucket name, and AWS would refuse the second.
     */
    public static String auditTrailBucket(String stack, String accountId, String region) {
        return stack.toLowerCase(Locale.ROOT) + "-trail-" + accountId + "-" + region;
    }

    public static String auditTrailKeyAlias(String stack) {
        return "alias/" + auditTrail(stack) + "-trail";
    }

    public static String dnsQueryLogs(String stack) {
        return stack + "-dns-queries";
    }

    public static String dnsQueryLogGroup(String stack) {
        return "/route53resolver/query-logs/" + stack;
    }

    public static String modelInvocationLogs(String stack) {
        return stack + "-bedrock-invocation-logs";
    }

    public static String modelInvocationLogGroup(String stack) {
        return "/bedrock/model-invocations/" + stack;
    }

    /**
     * What the audit components name, beyond the stack name: where the stack deploys (the trail's bucket carries it)
     * and which components are switched on.
     */
    public record AuditNames(String accountId, String region, boolean trail, boolean dnsQueryLogging,
                             boolean modelInvocationLogging) {
        /** Stands in for an account id or region that is itself refused, so the other names are still checked. */
        private static final String SOME_ACCOUNT = "123456789012";
        private static final String SOME_REGION = "us-east-1";

        static AuditNames of(Optional<String> accountId, Optional<String> region, Optional<AuditSettings> audit) {
            return new AuditNames(accountId.orElse(SOME_ACCOUNT), region.orElse(SOME_REGION),
                    audit.flatMap(AuditSettings::trail).filter(t -> t.mode() == AuditSettings.TrailMode.ACCOUNT).isPresent(),
                    audit.map(AuditSettings::dnsQueryLogging).orElse(true),
                    audit.flatMap(AuditSettings::modelInvocationLogRetentionDays).isPresent());
        }
    }

    /** The alarm topic, and its key's alias. */
    public static String alarmTopic(String stack) {
        return stack + "-alarms";
    }

    public static String dashboard(String stack) {
        return stack + "-bedrock-stream";
    }

    /** The canary's schedule, its schedule group and its role. */
    public static String canary(String stack) {
        return stack + "-canary";
    }

    /**
     * Every name {@code role} derives from {@code stack}; {@code callerPrefix} only matters to application roles,
     * {@code withNotebookAccess} only with a notebook.
     */
    public static List<Derived> of(Role role, String stack, String callerPrefix, boolean withFunction,
                                   boolean withNotebook, boolean withNotebookAccess, AuditNames audit) {
        var names = new ArrayList<Derived>();
        // Foundation: LogsKey's alias, PrivateVpc's flow logs.
        names.add(new Derived("alias/" + stack + "-logs", AwsNames.KMS_ALIAS));
        names.add(new Derived("/vpc/flow-logs/" + stack, AwsNames.LOG_GROUP));
        names.add(new Derived(stack + "-flow-logs", AwsNames.IAM_ROLE));
        audit(names, stack, audit);
        if (role == Role.ML) {
            function(names, mlFunction(stack), mlFunction(stack));
            names.add(autonamed(stack + "-bedrock-runtime-endpoint"));
            names.add(new Derived(invokerRole(stack), AwsNames.IAM_ROLE));
            monitoring(names, stack);
            return List.copyOf(names);
        }
        if (role == Role.APP_HUB) {
            names.add(autonamed(stack + "-endpoints"));
        }
        if (withFunction) {
            function(names, appFunction(stack), appFunctionRole(callerPrefix, stack));
        }
        if (withNotebook) {
            names.add(new Derived(notebook(stack), AwsNames.SAGEMAKER));
            names.add(new Derived(notebook(stack) + "-sample", AwsNames.SAGEMAKER));
            names.add(new Derived(notebookRole(callerPrefix, stack), AwsNames.IAM_ROLE));
            names.add(autonamed(notebook(stack)));
            if (withNotebookAccess) {
                names.add(autonamed(notebookAccess(stack)));
                names.add(new Derived(notebookUserPolicy(stack), AwsNames.IAM_POLICY));
            }
        }
        monitoring(names, stack);
        if (withFunction) {
            names.add(new Derived(canary(stack), AwsNames.SCHEDULER));
            names.add(new Derived(canary(stack), AwsNames.IAM_ROLE));
        }
        return List.copyOf(names);
    }

    /** Audit: the trail, its bucket and key alias; the DNS query logs; the model-invocation logs and their role. */
    private static void audit(List<Derived> names, String stack, AuditNames audit) {
        if (audit.trail()) {
            names.add(new Derived(auditTrail(stack), AwsNames.CLOUDTRAIL));
            names.add(new Derived(auditTrailBucket(stack, audit.accountId(), audit.region()), AwsNames.S3_BUCKET));
            names.add(new Derived(auditTrailKeyAlias(stack), AwsNames.KMS_ALIAS));
        }
        if (audit.dnsQueryLogging()) {
            names.add(new Derived(dnsQueryLogs(stack), AwsNames.RESOLVER));
            names.add(new Derived(dnsQueryLogGroup(stack), AwsNames.LOG_GROUP));
        }
        if (audit.modelInvocationLogging()) {
            names.add(new Derived(modelInvocationLogs(stack), AwsNames.IAM_ROLE));
            names.add(new Derived(modelInvocationLogGroup(stack), AwsNames.LOG_GROUP));
        }
    }

    /** Monitoring: the alarm topic and its key's alias, the dashboard, whether or not config turns them on. */
    private static void monitoring(List<Derived> names, String stack) {
        names.add(new Derived(alarmTopic(stack), AwsNames.SNS_TOPIC));
        names.add(new Derived("alias/" + alarmTopic(stack), AwsNames.KMS_ALIAS));
        names.add(new Derived(dashboard(stack), AwsNames.DASHBOARD));
    }

    /** PrivateFunction: the function, its role, its log group and its security group. */
    private static void function(List<Derived> names, String function, String role) {
        names.add(new Derived(function, AwsNames.LAMBDA_FUNCTION));
        names.add(new Derived(role, AwsNames.IAM_ROLE));
        names.add(new Derived("/aws/lambda/" + function, AwsNames.LOG_GROUP));
        names.add(autonamed(function + "-function"));
    }

    private static Derived autonamed(String logicalName) {
        return new Derived(logicalName + "-" + "x".repeat(AUTONAME_SUFFIX - 1), AwsNames.SECURITY_GROUP);
    }

    /**
     * What is wrong with {@code stack} as a source of names for {@code role}: every derived name that AWS would refuse,
     * the longest stack name the role allows, and the characters every derived name accepts.
     */
    static Optional<String> problem(Role role, String stack, String callerPrefix, boolean withFunction,
                                    boolean withNotebook, boolean withNotebookAccess, AuditNames audit) {
        var broken = of(role, stack, callerPrefix, withFunction, withNotebook, withNotebookAccess, audit).stream()
                .flatMap(d -> d.rule().problem(d.name()).stream()).toList();
        if (broken.isEmpty()) {
            return Optional.empty();
        }
        int longest = of(role, stack, callerPrefix, withFunction, withNotebook, withNotebookAccess, audit).stream()
                .mapToInt(d -> d.rule().maxLength() - (d.name().length() - stack.length()))
                .min().orElseThrow();
        String allowed = "letters, digits, '-'" + "_.".chars().mapToObj(c -> String.valueOf((char) c))
                .filter(c -> of(role, "a" + c + "a", callerPrefix, withFunction, withNotebook, withNotebookAccess, audit)
                        .stream()
                        .allMatch(d -> d.rule().problem(d.name()).isEmpty()))
                .map(c -> ", '" + c + "'").collect(Collectors.joining());
        return Optional.of("a stack name of at most " + longest + " characters from " + allowed + " for role '"
                + role.configValue() + "'" + (callerPrefix.isEmpty() ? "" : " with caller prefix '" + callerPrefix + "'")
                + ", because AWS would refuse names derived from it: " + String.join("; ", broken));
    }
}
