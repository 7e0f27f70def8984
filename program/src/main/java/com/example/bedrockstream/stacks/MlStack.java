package com.example.bedrockstream.stacks;

import com.example.bedrockstream.audit.AuditTrailArgs;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.MlSettings;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.identity.CrossAccountInvokerRole;
import com.example.bedrockstream.identity.CrossAccountInvokerRoleArgs;
import com.pulumi.Context;

/**
 * Role {@code ml}: the ML account. A private VPC whose only door is the bedrock-runtime endpoint, the streaming
 * ML function behind it, and the invoker role the application account assumes to call that function.
 */
public final class MlStack {
    private MlStack() {
    }

    public static void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts) {
        MlSettings ml = config.requireMl();
        String stack = config.common().stack();
        Artifacts.require(stack, artifacts, LambdaArtifacts.ML_STREAM_BUNDLE);

        var foundation = Foundation.create(config.common());
        var streaming = StreamingFunction.create(foundation, ml, artifacts.mlStream());
        var invoker = new CrossAccountInvokerRole(StackNames.invokerRole(stack),
                CrossAccountInvokerRoleArgs.builder(StackNames.invokerRole(stack))
                        .appAccountId(ml.appAccountId())
                        .principalPrefix(ml.invokerPrincipalPrefix())
                        .externalId(ml.externalId().output())
                        .stsEndpointIds(ml.allowedStsEndpointIds())
                        .maxSessionSeconds(ml.invokerSessionSeconds())
                        .mlFunctionArn(streaming.function().arn())
                        .build(), null);
        Monitoring.ml(foundation.scope(), config.monitoring(), ml);
        var audit = Audit.create(foundation, config.audit(),
                AuditTrailArgs.LambdaInvocations.of(streaming.function().arn()));

        Exports.ml(ctx, foundation, ml, streaming, invoker, audit);
    }
}
