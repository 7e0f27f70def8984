package com.example.bedrockstream.stacks;

import com.example.bedrockstream.audit.AuditTrail;
import com.example.bedrockstream.audit.AuditTrailArgs;
import com.example.bedrockstream.audit.ModelInvocationLogging;
import com.example.bedrockstream.audit.ModelInvocationLoggingArgs;
import com.example.bedrockstream.audit.ResolverQueryLogging;
import com.example.bedrockstream.audit.ResolverQueryLoggingArgs;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.domain.AuditSettings;
import com.pulumi.core.Output;

import java.util.Optional;

/**
 * What a stack records for audit (AuditSettings): the account's trail, the DNS queries of its VPC and, in the ML
 * account, Bedrock's model invocations. Each is there only when switched on; what is not is said in the outputs.
 */
record Audit(Output<String> trail, Optional<ResolverQueryLogging> dnsQueryLogs,
             Optional<ModelInvocationLogging> modelInvocationLogs) {

    /** The output value of a part that is switched off. */
    static final String OFF = AuditSettings.TrailMode.OFF.configValue();

    /**
     * A stack that owns its account's trail (ml, app-hub): the trail is multi-region, so it also records every
     * spoke, which is the same account in another region.
     *
     * @param invocations the functions whose invocations the trail records
     */
    static Audit create(Foundation foundation, AuditSettings settings, AuditTrailArgs.LambdaInvocations invocations) {
        var scope = foundation.scope();
        String stack = scope.stack();
        var trail = settings.trail().orElseThrow(() -> new IllegalStateException(stack + " owns no trail"));
        Output<String> recordedBy = switch (trail.mode()) {
            case ACCOUNT -> new AuditTrail(StackNames.auditTrail(stack), AuditTrailArgs.builder(scope,
                            StackNames.auditTrail(stack))
                    .bucketName(StackNames.auditTrailBucket(stack, scope.accountId(), scope.region()))
                    .keyAlias(StackNames.auditTrailKeyAlias(stack))
                    .invocations(invocations)
                    .logExpirationDays(trail.logExpirationDays())
                    .logTransitionDays(trail.logTransitionDays())
                    .build(), null).arn();
            case ORGANIZATION, OFF -> Output.of(trail.mode().configValue());
        };
        return logs(foundation, settings, recordedBy);
    }

    /** A spoke: the hub's multi-region trail records this region, so {@code hubTrail} is what the spoke reports. */
    static Audit withHubTrail(Foundation foundation, AuditSettings settings, String hubTrail) {
        return logs(foundation, settings, Output.of(hubTrail));
    }

    private static Audit logs(Foundation foundation, AuditSettings settings, Output<String> trail) {
        var scope = foundation.scope();
        String stack = scope.stack();
        Optional<ResolverQueryLogging> dns = Optional.empty();
        if (settings.dnsQueryLogging()) {
            dns = Optional.of(new ResolverQueryLogging(StackNames.dnsQueryLogs(stack), new ResolverQueryLoggingArgs(
                    scope, StackNames.dnsQueryLogs(stack), StackNames.dnsQueryLogGroup(stack), foundation.vpc().vpcId()),
                    null));
        }
        var invocations = settings.modelInvocationLogRetentionDays().map(days -> new ModelInvocationLogging(
                StackNames.modelInvocationLogs(stack), new ModelInvocationLoggingArgs(scope,
                StackNames.modelInvocationLogs(stack), StackNames.modelInvocationLogGroup(stack), days), null));
        return new Audit(trail, dns, invocations);
    }

    Output<String> dnsQueryLogGroup() {
        return Output.of(dnsQueryLogs.map(ResolverQueryLogging::logGroupName).orElse(OFF));
    }

    Output<String> modelInvocationLogGroup() {
        return Output.of(modelInvocationLogs.map(ModelInvocationLogging::logGroupName).orElse(OFF));
    }
}
