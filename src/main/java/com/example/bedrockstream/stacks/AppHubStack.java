package com.example.bedrockstream.stacks;

import com.example.bedrockstream.audit.AuditTrailArgs;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.config.HubSettings;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.NotebookAccessOutputs;
import com.example.bedrockstream.contract.StackExports;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.network.EndpointSecurityGroup;
import com.example.bedrockstream.network.EndpointSecurityGroupArgs;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.network.InterfaceEndpoint;
import com.example.bedrockstream.network.InterfaceEndpointArgs;
import com.example.bedrockstream.network.PrivateServiceZone;
import com.example.bedrockstream.network.PrivateServiceZoneArgs;
import com.example.bedrockstream.network.TransitHub;
import com.example.bedrockstream.network.TransitHubArgs;
import com.example.bedrockstream.policy.LambdaEndpointPolicy;
import com.example.bedrockstream.policy.StsEndpointPolicy;
import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
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
        CommonSettings common = config.common();
        HubSettings hub = config.requireHub();
        UpstreamStack ml = hub.ml();
        String stack = common.stack();
        String region = common.region();
        Artifacts.require(stack, artifacts, LambdaArtifacts.APP_INVOKER_JAR);
        String invokerRoleArn = ml.get(MlOutputs.INVOKER_ROLE_ARN);
        String mlFunctionArn = ml.get(MlOutputs.FUNCTION_ARN);

        var foundation = Foundation.create(common);
        var vpc = foundation.vpc();
        // Spoke stacks add their own CIDR rules to this group.
        var doors = new EndpointSecurityGroup(stack + "-endpoints", new EndpointSecurityGroupArgs(vpc.vpcId(),
                "the hub STS and Lambda endpoints", List.of(vpc.cidr())), null);
        var sts = new InterfaceEndpoint(stack + "-sts", new InterfaceEndpointArgs(vpc.vpcId(), vpc.subnetIds(),
                EndpointService.STS, region, doors,
                Output.of(StsEndpointPolicy.of(common.accountId(), invokerRoleArn))), null);
        var lambda = new InterfaceEndpoint(stack + "-lambda", new InterfaceEndpointArgs(vpc.vpcId(), vpc.subnetIds(),
                EndpointService.LAMBDA, region, doors,
                Output.of(LambdaEndpointPolicy.of(invokerRoleArn, mlFunctionArn))), null);
        var stsZone = new PrivateServiceZone(stack + "-sts-zone", new PrivateServiceZoneArgs(sts, vpc.vpcId(), region),
                null);
        var lambdaZone = new PrivateServiceZone(stack + "-lambda-zone", new PrivateServiceZoneArgs(lambda, vpc.vpcId(),
                region), null);
        var transit = new TransitHub(stack + "-tgw", new TransitHubArgs(hub.transitGatewayAsn(), vpc.vpcId(),
                vpc.subnetIds(), "Application hub: carries spoke traffic to the hub's endpoints"), null);

        var target = new InvokeTarget(region, mlFunctionArn, invokerRoleArn, ml.secret(MlOutputs.EXTERNAL_ID),
                ml.get(MlOutputs.INVOKER_PRINCIPAL_PREFIX), ml.get(MlOutputs.CANARY_MODEL_ID));
        var callers = Callers.create(common, hub.callers(), target, foundation,
                HttpsTargets.securityGroups(Map.of("endpoints", doors.id())), artifacts, true, true);
        Monitoring.application(common, config.monitoring(), callers.appFunction(), target.sampleModelId());

        // The Application Lambdas of every region, spokes deployed later included, are named alike.
        var audit = Audit.create(common, config.audit(), foundation,
                AuditTrailArgs.LambdaInvocations.namedEndingWith(StackNames.appFunction("")));

        new StackExports(HubOutputs.ALL)
                .put(HubOutputs.REGION, region)
                .put(HubOutputs.ACCOUNT_ID, common.accountId())
                .put(HubOutputs.VPC_ID, vpc.vpcId())
                .put(HubOutputs.VPC_CIDR, vpc.cidr())
                .put(HubOutputs.ROUTE_TABLE_IDS, vpc.routeTableId().applyValue(List::of))
                .put(HubOutputs.TRANSIT_GATEWAY_ID, transit.transitGatewayId())
                .put(HubOutputs.TRANSIT_GATEWAY_ASN, Integer.toString(hub.transitGatewayAsn()))
                .put(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID, transit.routeTableId())
                .put(HubOutputs.ENDPOINT_SECURITY_GROUP_ID, doors.id())
                .put(HubOutputs.STS_ENDPOINT_ID, sts.endpointId())
                .put(HubOutputs.LAMBDA_ENDPOINT_ID, lambda.endpointId())
                .put(HubOutputs.STS_ZONE_ID, stsZone.zoneId())
                .put(HubOutputs.STS_ZONE_NAME, stsZone.zoneName())
                .put(HubOutputs.LAMBDA_ZONE_ID, lambdaZone.zoneId())
                .put(HubOutputs.LAMBDA_ZONE_NAME, lambdaZone.zoneName())
                .put(HubOutputs.APP_FUNCTION_NAME, callers.appFunction().orElseThrow().functionName())
                .put(HubOutputs.NOTEBOOK_NAME, callers.notebook().orElseThrow().notebookName())
                .put(NotebookAccessOutputs.USER_POLICY_ARNS, callers.notebookUserPolicyArns())
                .put(NotebookAccessOutputs.USER_POLICY_NAMES, callers.notebookUserPolicyNames())
                .put(HubOutputs.ML_VPC_CIDR, ml.get(MlOutputs.VPC_CIDR))
                .put(HubOutputs.INVOKER_PRINCIPAL_PREFIX, target.principalPrefix())
                .put(HubOutputs.ALLOWED_MODEL_IDS, ml.get(MlOutputs.ALLOWED_MODEL_IDS))
                .put(HubOutputs.CANARY_MODEL_ID, target.sampleModelId())
                .put(HubOutputs.INVOKE_FUNCTION_ARN, mlFunctionArn)
                .put(HubOutputs.INVOKE_ROLE_ARN, invokerRoleArn)
                .put(HubOutputs.INVOKE_EXTERNAL_ID, target.externalId())
                .put(HubOutputs.INVOKE_STS_URL, "https://" + sts.serviceHostName())
                .put(HubOutputs.INVOKE_REGION, region)
                .put(HubOutputs.AUDIT_TRAIL, audit.trail())
                .put(HubOutputs.DNS_QUERY_LOG_GROUP, audit.dnsQueryLogGroup())
                .publish(ctx);
    }
}
