package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.compute.PrivateFunctionArgs;
import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.config.HubSettings;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackExports;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.network.EndpointSecurityGroup;
import com.example.bedrockstream.network.EndpointSecurityGroupArgs;
import com.example.bedrockstream.network.InterfaceEndpoint;
import com.example.bedrockstream.network.InterfaceEndpointArgs;
import com.example.bedrockstream.network.PrivateServiceZone;
import com.example.bedrockstream.network.PrivateServiceZoneArgs;
import com.example.bedrockstream.network.TransitHub;
import com.example.bedrockstream.network.TransitHubArgs;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.notebook.NotebookArgs;
import com.example.bedrockstream.notebook.SampleNotebook;
import com.example.bedrockstream.policy.AppCallerPolicies;
import com.example.bedrockstream.policy.LambdaEndpointPolicy;
import com.example.bedrockstream.policy.StsEndpointPolicy;
import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Optional;

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
        String principalPrefix = ml.get(MlOutputs.INVOKER_PRINCIPAL_PREFIX);

        var foundation = Foundation.create(common);
        var logsKey = foundation.logsKey();
        var vpc = foundation.vpc();

        // Spoke stacks add their own CIDR rules to this group.
        var doors = new EndpointSecurityGroup(stack + "-endpoints", new EndpointSecurityGroupArgs(vpc.vpcId(),
                "the hub STS and Lambda endpoints", List.of(vpc.cidr())), null);
        var sts = new InterfaceEndpoint(stack + "-sts", new InterfaceEndpointArgs(vpc.vpcId(), vpc.subnetIds(),
                "com.amazonaws." + region + ".sts", false, doors,
                Output.of(StsEndpointPolicy.of(common.accountId(), invokerRoleArn))), null);
        var lambda = new InterfaceEndpoint(stack + "-lambda", new InterfaceEndpointArgs(vpc.vpcId(), vpc.subnetIds(),
                "com.amazonaws." + region + ".lambda", false, doors,
                Output.of(LambdaEndpointPolicy.of(invokerRoleArn, mlFunctionArn))), null);
        var stsZone = new PrivateServiceZone(stack + "-sts-zone", new PrivateServiceZoneArgs(
                "sts." + region + ".amazonaws.com", vpc.vpcId(), region, sts), null);
        var lambdaZone = new PrivateServiceZone(stack + "-lambda-zone", new PrivateServiceZoneArgs(
                "lambda." + region + ".amazonaws.com", vpc.vpcId(), region, lambda), null);

        var transit = new TransitHub(stack + "-tgw", new TransitHubArgs(hub.transitGatewayAsn(), vpc.vpcId(),
                vpc.subnetIds()), null);

        String appFunctionName = stack + "-app-invoker";
        String appRoleName = principalPrefix + appFunctionName;
        var appRole = new ServiceRole(appRoleName, ServiceRoleArgs.trustedBy("lambda.amazonaws.com", appRoleName,
                "Application Lambda: may only assume the ML invoker role"), null);
        appRole.grant("assume-invoker", Output.of(AppCallerPolicies.applicationFunction(invokerRoleArn,
                EncryptedLogGroup.arn(region, common.accountId(), PrivateFunctionArgs.logGroupName(appFunctionName)))));
        var appFunction = new PrivateFunction(appFunctionName, new PrivateFunctionArgs(
                appFunctionName,
                "Streams completions from the ML function through the hub's endpoints",
                artifacts.appInvoker(),
                appRole.arn(),
                appRole.grants(),
                vpc.vpcId(),
                vpc.subnetIds(),
                Map.of("endpoints", doors.id()),
                Map.of("ML_FUNCTION_ARN", Output.of(mlFunctionArn),
                        "INVOKER_ROLE_ARN", Output.of(invokerRoleArn),
                        "EXTERNAL_ID", ml.secret(MlOutputs.EXTERNAL_ID),
                        "ML_REGION", Output.of(region)),
                hub.appFunctionMemoryMb(),
                hub.appFunctionTimeoutSeconds(),
                Optional.empty(),
                common.logRetentionDays(),
                logsKey.arn()), null);

        String notebookName = stack + "-bedrock-sample";
        var notebook = new Notebook(notebookName, new NotebookArgs(
                notebookName,
                principalPrefix + stack + "-notebook",
                hub.notebook(),
                common.accountId(),
                region,
                vpc.vpcId(),
                vpc.subnetIds().applyValue(ids -> ids.get(0)),
                Map.of("endpoints", doors.id()),
                invokerRoleArn,
                new SampleNotebook(region, mlFunctionArn, invokerRoleArn, ml.get(MlOutputs.ALLOWED_MODEL_IDS).get(0))),
                null);

        new StackExports(HubOutputs.ALL)
                .put(HubOutputs.REGION, region)
                .put(HubOutputs.VPC_ID, vpc.vpcId())
                .put(HubOutputs.VPC_CIDR, vpc.cidr())
                .put(HubOutputs.ROUTE_TABLE_IDS, vpc.routeTableId().applyValue(List::of))
                .put(HubOutputs.TRANSIT_GATEWAY_ID, transit.transitGatewayId())
                .put(HubOutputs.TRANSIT_GATEWAY_ROUTE_TABLE_ID, transit.routeTableId())
                .put(HubOutputs.ENDPOINT_SECURITY_GROUP_ID, doors.id())
                .put(HubOutputs.STS_ENDPOINT_ID, sts.endpointId())
                .put(HubOutputs.LAMBDA_ENDPOINT_ID, lambda.endpointId())
                .put(HubOutputs.STS_ZONE_ID, stsZone.zoneId())
                .put(HubOutputs.STS_ZONE_NAME, stsZone.zoneName())
                .put(HubOutputs.LAMBDA_ZONE_ID, lambdaZone.zoneId())
                .put(HubOutputs.LAMBDA_ZONE_NAME, lambdaZone.zoneName())
                .put(HubOutputs.APP_FUNCTION_NAME, appFunction.functionName())
                .put(HubOutputs.NOTEBOOK_NAME, notebook.notebookName())
                .put(HubOutputs.INVOKE_FUNCTION_ARN, mlFunctionArn)
                .put(HubOutputs.INVOKE_ROLE_ARN, invokerRoleArn)
                .put(HubOutputs.INVOKE_EXTERNAL_ID, ml.secret(MlOutputs.EXTERNAL_ID))
                .put(HubOutputs.INVOKE_STS_URL, "https://sts." + region + ".amazonaws.com")
                .put(HubOutputs.INVOKE_REGION, region)
                .publish(ctx);
    }
}
