package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.FunctionCode;
import com.example.bedrockstream.compute.LambdaEnvironment.MlStream;
import com.example.bedrockstream.compute.LambdaEnvironment;
import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.compute.PrivateFunctionArgs;
import com.example.bedrockstream.config.MlSettings;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.domain.ModelId;
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
import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The streaming ML function and the ML VPC's only door: its role, the bedrock-runtime endpoint whose group admits
 * the function alone, and the function, allowed the configured models through that endpoint only.
 */
record StreamingFunction(PrivateFunction function, InterfaceEndpoint bedrock) {

    static StreamingFunction create(Foundation foundation, MlSettings ml, FunctionCode code) {
        var scope = foundation.scope();
        var vpc = foundation.vpc();
        String stack = scope.stack();
        List<String> modelArns = ModelId.resourceArns(ml.allowedModels(), scope.region(), scope.accountId());
        String functionName = StackNames.mlFunction(stack);
        var functionRole = new ServiceRole(functionName, ServiceRoleArgs.trustedBy("lambda.amazonaws.com",
                functionName, "Streaming ML function: allowed Bedrock models through the endpoint only"), null);

        var bedrockDoor = new EndpointSecurityGroup(stack + "-bedrock-runtime-endpoint",
                new EndpointSecurityGroupArgs(vpc.vpcId(), "bedrock-runtime", List.of()), null);
        var bedrock = new InterfaceEndpoint(stack + "-bedrock-runtime", new InterfaceEndpointArgs(scope,
                EndpointService.BEDROCK_RUNTIME, vpc.vpcId(), vpc.subnetIds(), bedrockDoor,
                functionRole.arn().applyValue(roleArn -> BedrockEndpointPolicy.of(roleArn, modelArns))), null);
        String logGroupArn = EncryptedLogGroup.arn(scope.region(), scope.accountId(),
                PrivateFunctionArgs.logGroupName(functionName));
        functionRole.grant("ml-stream", bedrock.endpointId()
                .applyValue(endpointId -> MlFunctionRolePolicy.of(logGroupArn, modelArns, endpointId)));

        var function = new PrivateFunction(functionName, PrivateFunctionArgs.builder(scope, functionName)
                .description("Streams Bedrock completions to application callers")
                .code(code)
                .role(functionRole.arn(), functionRole.grants())
                .network(vpc.vpcId(), vpc.subnetIds(),
                        HttpsTargets.securityGroups(Map.of("bedrock-runtime", bedrockDoor.id())))
                .environment(environment(scope, ml))
                .memoryMb(ml.function().memoryMb())
                .timeoutSeconds(ml.function().timeoutSeconds())
                .reservedConcurrency(Optional.of(ml.function().reservedConcurrency()))
                .build(), null);
        bedrockDoor.admit("ml-function", function.securityGroupId());
        return new StreamingFunction(function, bedrock);
    }

    /** The function's contract with the program (lambda-src/ml-stream/README.md). */
    private static Map<String, Output<String>> environment(StackScope scope, MlSettings ml) {
        return LambdaEnvironment.of(MlStream.class, Map.of(
                MlStream.BEDROCK_REGION, Output.of(scope.region()),
                MlStream.ALLOWED_MODEL_IDS, Output.of(String.join(",", ml.allowedModels().stream().map(ModelId::id).toList())),
                MlStream.MAX_REQUEST_BYTES, Output.of(Integer.toString(ml.function().maxRequestBytes())),
                MlStream.MAX_OUTPUT_TOKENS, Output.of(Integer.toString(ml.function().maxOutputTokens())),
                // The service and namespace the alarms and dashboard read (lambda-src/ml-stream/metrics.json).
                MlStream.POWERTOOLS_SERVICE_NAME, Output.of(MetricDefinitions.load().handler().service()),
                MlStream.POWERTOOLS_METRICS_NAMESPACE, Output.of(MetricDefinitions.load().handler().namespace()),
                MlStream.POWERTOOLS_LOG_LEVEL, Output.of("INFO")));
    }
}
