package com.example.bedrockstream.stacks;

import com.example.bedrockstream.audit.AuditTrailArgs;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.HubSettings;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.network.TransitHub;
import com.example.bedrockstream.network.TransitHubArgs;
import com.pulumi.Context;

import java.util.EnumSet;
import java.util.Map;

/**
 * Role {@code app-hub}: the application account in the ML region. Its STS and Lambda endpoints are the only doors
 * out; private hosted zones make the ordinary regional names resolve to them, and the Transit Gateway lets other
 * regions reach them. The Application Lambda and a notebook call the ML function through them.
 */
public final class AppHubStack {
    private AppHubStack() {
    }

    public static void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts) {
        HubSettings hub = config.requireHub();
        UpstreamStack ml = hub.ml();
        Artifacts.require(config.common().stack(), artifacts, LambdaArtifacts.APP_INVOKER_JAR);
        var target = new InvokeTarget(config.common().region(), ml.get(MlOutputs.FUNCTION_ARN),
                ml.get(MlOutputs.INVOKER_ROLE_ARN), ml.secret(MlOutputs.EXTERNAL_ID),
                ml.get(MlOutputs.INVOKER_PRINCIPAL_PREFIX), ml.get(MlOutputs.CANARY_MODEL_ID));

        var foundation = Foundation.create(config.common());
        var vpc = foundation.vpc();
        var doors = HubDoors.create(foundation, target);
        var transit = new TransitHub(foundation.scope().stack() + "-tgw", new TransitHubArgs(hub.transitGatewayAsn(),
                vpc.vpcId(), vpc.subnetIds(), "Application hub: carries spoke traffic to the hub's endpoints"), null);
        var callers = Callers.create(foundation, hub.callers(), target,
                HttpsTargets.securityGroups(Map.of("endpoints", doors.group().id())), artifacts,
                EnumSet.allOf(Callers.Kind.class));
        Monitoring.application(foundation.scope(), config.monitoring(), callers.appFunction(), target.sampleModelId());
        // The Application Lambdas of every region, spokes deployed later included, are named alike.
        var audit = Audit.create(foundation, config.audit(),
                AuditTrailArgs.LambdaInvocations.namedEndingWith(StackNames.appFunction("")));

        Exports.hub(ctx, foundation, hub, transit, doors, target, callers, audit);
    }
}
