package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.config.SpokeSettings;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.NotebookAccessOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.contract.StackExports;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.network.SpokeLink;
import com.example.bedrockstream.network.SpokeLinkArgs;
import com.example.bedrockstream.network.TransitHub;
import com.example.bedrockstream.network.TransitHubArgs;
import com.example.bedrockstream.notebook.Notebook;
import com.pulumi.Context;

import java.util.List;
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
        CommonSettings common = config.common();
        SpokeSettings spoke = config.requireSpoke();
        UpstreamStack hub = spoke.hub();
        String stack = common.stack();
        if (spoke.appFunctionEnabled()) {
            Artifacts.require(stack, artifacts, LambdaArtifacts.APP_INVOKER_JAR);
        }
        String hubRegion = hub.get(HubOutputs.REGION);
        String hubCidr = hub.get(HubOutputs.VPC_CIDR);

        var foundation = Foundation.create(common);
        var vpc = foundation.vpc();
        var transit = new TransitHub(stack + "-tgw", new TransitHubArgs(spoke.transitGatewayAsn(), vpc.vpcId(),
                vpc.subnetIds(), "Application spoke: carries " + common.region() + " traffic to the hub in " + hubRegion),
                null);
        var link = new SpokeLink(stack + "-link", new SpokeLinkArgs(
                new SpokeLinkArgs.SpokeSide(common.region(), vpc.cidr(), vpc.vpcId(), List.of(vpc.routeTableId()),
                        transit.transitGatewayId(), transit.routeTableId(), transit.vpcAttachment()),
                new SpokeLinkArgs.HubSide(hubRegion, hub.get(HubOutputs.ACCOUNT_ID), hubCidr,
                        hub.get(HubOutputs.ROUTE_TABLE_IDS), hub.get(HubOutputs.TRANSIT_GATEWAY_ID),
                        hub.get(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID), hub.get(HubOutputs.ENDPOINT_SECURITY_GROUP_ID),
                        Map.of("sts", hub.get(HubOutputs.STS_ZONE_ID), "lambda", hub.get(HubOutputs.LAMBDA_ZONE_ID))),
                AwsProviders.of(common).inRegion(hubRegion)), null);

        var target = new InvokeTarget(hub.get(HubOutputs.INVOKE_REGION), hub.get(HubOutputs.INVOKE_FUNCTION_ARN),
                hub.get(HubOutputs.INVOKE_ROLE_ARN), hub.secret(HubOutputs.INVOKE_EXTERNAL_ID),
                hub.get(HubOutputs.INVOKER_PRINCIPAL_PREFIX), hub.get(HubOutputs.CANARY_MODEL_ID));
        var callers = Callers.create(common, spoke.callers(), target, foundation,
                HttpsTargets.cidrs(Map.of("hub-endpoints", hubCidr)), artifacts, spoke.appFunctionEnabled(),
                spoke.notebookEnabled());
        Monitoring.application(common, config.monitoring(), callers.appFunction(), target.sampleModelId());

        var audit = Audit.withHubTrail(common, config.audit(), foundation, hub.get(HubOutputs.AUDIT_TRAIL));

        new StackExports(SpokeOutputs.ALL)
                .put(SpokeOutputs.REGION, common.region())
                .put(SpokeOutputs.VPC_ID, vpc.vpcId())
                .put(SpokeOutputs.VPC_CIDR, vpc.cidr())
                .put(SpokeOutputs.TRANSIT_GATEWAY_ID, transit.transitGatewayId())
                .put(SpokeOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID, transit.routeTableId())
                .put(SpokeOutputs.VPC_ATTACHMENT_ID, transit.vpcAttachment().id())
                .put(SpokeOutputs.PEERING_ATTACHMENT_ID, link.peeringAttachmentId())
                .put(SpokeOutputs.APP_FUNCTION_NAMES,
                        Callers.listOf(callers.appFunction().map(PrivateFunction::functionName)))
                .put(SpokeOutputs.ALLOWED_MODEL_IDS, hub.get(HubOutputs.ALLOWED_MODEL_IDS))
                .put(SpokeOutputs.NOTEBOOK_NAMES, Callers.listOf(callers.notebook().map(Notebook::notebookName)))
                .put(NotebookAccessOutputs.USER_POLICY_ARNS, callers.notebookUserPolicyArns())
                .put(NotebookAccessOutputs.USER_POLICY_NAMES, callers.notebookUserPolicyNames())
                .put(SpokeOutputs.AUDIT_TRAIL, audit.trail())
                .put(SpokeOutputs.DNS_QUERY_LOG_GROUP, audit.dnsQueryLogGroup())
                .publish(ctx);
    }
}
