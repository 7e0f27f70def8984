package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.SpokeSettings;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.network.TransitHub;
import com.example.bedrockstream.network.TransitHubArgs;
import com.pulumi.Context;

import java.util.EnumSet;
import java.util.Map;

/**
 * Role {@code app-spoke}: the application account in another region. Its VPC has no endpoints of its own: its
 * Transit Gateway peers with the hub's, the hub's service zones answer inside it, and its callers use the ML
 * region's names, which lead across the peering to the hub's endpoints. Everything that exists only because of
 * this spoke, on either side, belongs to this stack.
 */
public final class AppSpokeStack {
    private AppSpokeStack() {
    }

    public static void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts) {
        SpokeSettings spoke = config.requireSpoke();
        UpstreamStack hub = spoke.hub();
        var kinds = EnumSet.noneOf(Callers.Kind.class);
        if (spoke.appFunctionEnabled()) {
            Artifacts.require(config.common().stack(), artifacts, LambdaArtifacts.APP_INVOKER_JAR);
            kinds.add(Callers.Kind.APP_FUNCTION);
        }
        if (spoke.notebookEnabled()) {
            kinds.add(Callers.Kind.NOTEBOOK);
        }

        var foundation = Foundation.create(config.common());
        var vpc = foundation.vpc();
        var transit = new TransitHub(foundation.scope().stack() + "-tgw", new TransitHubArgs(spoke.transitGatewayAsn(),
                vpc.vpcId(), vpc.subnetIds(), "Application spoke: carries " + foundation.scope().region()
                + " traffic to the hub in " + hub.get(HubOutputs.REGION)), null);
        var link = HubLink.create(foundation, transit, hub);
        var target = new InvokeTarget(hub.get(HubOutputs.INVOKE_REGION), hub.get(HubOutputs.INVOKE_FUNCTION_ARN),
                hub.get(HubOutputs.INVOKE_ROLE_ARN), hub.secret(HubOutputs.INVOKE_EXTERNAL_ID),
                hub.get(HubOutputs.INVOKER_PRINCIPAL_PREFIX), hub.get(HubOutputs.CANARY_MODEL_ID));
        var callers = Callers.create(foundation, spoke.callers(), target,
                HttpsTargets.cidrs(Map.of("hub-endpoints", hub.get(HubOutputs.VPC_CIDR))), artifacts, kinds);
        Monitoring.application(foundation.scope(), config.monitoring(), callers.appFunction(), target.sampleModelId());
        var audit = Audit.withHubTrail(foundation, config.audit(), hub.get(HubOutputs.AUDIT_TRAIL));

        Exports.spoke(ctx, foundation, spoke, transit, link, callers, audit);
    }
}
