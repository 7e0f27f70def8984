package com.example.bedrockstream.stacks;

import com.example.bedrockstream.audit.AuditTrailArgs;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.compute.LambdaEnvironment;
import com.example.bedrockstream.compute.LambdaEnvironment.MlStream;
import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.compute.PrivateFunctionArgs;
import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.config.MlSettings;
import com.example.bedrockstream.config.ModelId;
import com.example.bedrockstream.config.StackConfig;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.StackExports;
import com.example.bedrockstream.identity.CrossAccountInvokerRole;
import com.example.bedrockstream.identity.CrossAccountInvokerRoleArgs;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.logging.EncryptedLogGroup;
import com.example.bedrockstream.monitoring.MetricDefinitions;
import com.example.bedrockstream.network.EndpointSecurityGroup;
import com.example.bedrockstream.network.EndpointSecurityGroupArgs;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.network.InterfaceEndpoint;
import com.example.bedrockstream.network.InterfaceEndpointArgs;
import com.example.bedrockstream.policy.BedrockEndpointPolicy;
import com.example.bedrockstream.policy.MlFunctionRolePolicy;
import com.pulumi.Context;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Role {@code ml}: the ML account. A private VPC whose only door is the bedrock-runtime endpoint, the streaming
 * ML function behind it, and the invoker role the application account assumes to call that function.
 */
public final class MlStack {
    private MlStack() {
    }

    public static void compose(Context ctx, StackConfig config, LambdaArtifacts artifacts) {
        CommonSettings common = config.common();
        MlSettings ml = config.requireMl();
        String stack = common.stack();
        Artifacts.require(stack, artifacts, LambdaArtifacts.ML_STREAM_BUNDLE);

        var foundation = Foundation.create(common);
        var logsKey = foundation.logsKey();
        var vpc = foundation.vpc();

        List<String> modelArns = ModelId.resourceArns(ml.allowedModels(), common.region(), common.accountId());
        String functionName = StackNames.mlFunction(stack);
        var functionRole = new ServiceRole(functionName, ServiceRoleArgs.trustedBy("lambda.amazonaws.com",
                functionName, "Streaming ML function: allowed Bedrock models through the endpoint only"), null);

        var bedrockDoor = new EndpointSecurityGroup(stack + "-bedrock-runtime-endpoint",
                new EndpointSecurityGroupArgs(vpc.vpcId(), "bedrock-runtime", List.of()), null);
        var bedrock = new InterfaceEndpoint(stack + "-bedrock-runtime", new InterfaceEndpointArgs(
                vpc.vpcId(), vpc.subnetIds(), EndpointService.BEDROCK_RUNTIME, common.region(),
                bedrockDoor, functionRole.arn().applyValue(roleArn -> BedrockEndpointPolicy.of(roleArn, modelArns))),
                null);
        String logGroupArn = EncryptedLogGroup.arn(common.region(), common.accountId(),
                PrivateFunctionArgs.logGroupName(functionName));
        functionRole.grant("ml-stream", bedrock.endpointId()
                .applyValue(endpointId -> MlFunctionRolePolicy.of(logGroupArn, modelArns, endpointId)));

        var function = new PrivateFunction(functionName, new PrivateFunctionArgs(
                functionName,
                "Streams Bedrock completions to application callers",
                artifacts.mlStream(),
                functionRole.arn(),
                functionRole.grants(),
                vpc.vpcId(),
                vpc.subnetIds(),
                HttpsTargets.securityGroups(Map.of("bedrock-runtime", bedrockDoor.id())),
                environment(common, ml),
                ml.function().memoryMb(),
                ml.function().timeoutSeconds(),
                Optional.of(ml.function().reservedConcurrency()),
                common.logRetentionDays(),
                logsKey.arn()), null);
        bedrockDoor.admit("ml-function", function.securityGroupId());

        var invoker = new CrossAccountInvokerRole(StackNames.invokerRole(stack), new CrossAccountInvokerRoleArgs(
                StackNames.invokerRole(stack),
                ml.appAccountId(),
                ml.invokerPrincipalPrefix(),
                ml.externalId().output(),
                ml.allowedStsEndpointIds(),
                ml.invokerSessionSeconds(),
                function.arn()), null);
        Monitoring.ml(common, config.monitoring(), ml);

        var audit = Audit.create(common, config.audit(), foundation,
                AuditTrailArgs.LambdaInvocations.of(function.arn()));

        new StackExports(MlOutputs.ALL)
                .put(MlOutputs.FUNCTION_NAME, function.functionName())
                .put(MlOutputs.FUNCTION_ARN, function.arn())
                .put(MlOutputs.INVOKER_ROLE_ARN, invoker.arn())
                .put(MlOutputs.EXTERNAL_ID, ml.externalId().output())
                .put(MlOutputs.INVOKER_PRINCIPAL_PREFIX, ml.invokerPrincipalPrefix())
                .put(MlOutputs.REGION, common.region())
                .put(MlOutputs.ACCOUNT_ID, common.accountId())
                .put(MlOutputs.APP_ACCOUNT_ID, ml.appAccountId())
                .put(MlOutputs.BEDROCK_ENDPOINT_ID, bedrock.endpointId())
                .put(MlOutputs.VPC_CIDR, vpc.cidr())
                .put(MlOutputs.ALLOWED_MODEL_IDS, ml.allowedModels().stream().map(ModelId::id).toList())
                .put(MlOutputs.CANARY_MODEL_ID, ml.canaryModel().id())
                .put(MlOutputs.AUDIT_TRAIL, audit.trail())
                .put(MlOutputs.DNS_QUERY_LOG_GROUP, audit.dnsQueryLogGroup())
                .put(MlOutputs.MODEL_INVOCATION_LOG_GROUP, audit.modelInvocationLogGroup())
                .publish(ctx);
    }

    /** The function's contract with the program (lambda-src/ml-stream/README.md). */
    private static Map<String, Output<String>> environment(CommonSettings common, MlSettings ml) {
        return LambdaEnvironment.of(MlStream.class, Map.of(
                MlStream.BEDROCK_REGION, Output.of(common.region()),
                MlStream.ALLOWED_MODEL_IDS, Output.of(String.join(",", ml.allowedModels().stream().map(ModelId::id).toList())),
                MlStream.MAX_REQUEST_BYTES, Output.of(Integer.toString(ml.function().maxRequestBytes())),
                MlStream.MAX_OUTPUT_TOKENS, Output.of(Integer.toString(ml.function().maxOutputTokens())),
                // The service and namespace the alarms and dashboard read (lambda-src/ml-stream/metrics.json).
                MlStream.POWERTOOLS_SERVICE_NAME, Output.of(MetricDefinitions.load().handler().service()),
                MlStream.POWERTOOLS_METRICS_NAMESPACE, Output.of(MetricDefinitions.load().handler().namespace()),
                MlStream.POWERTOOLS_LOG_LEVEL, Output.of("INFO")));
    }
}
