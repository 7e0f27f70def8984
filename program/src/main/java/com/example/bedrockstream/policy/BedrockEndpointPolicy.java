package com.example.bedrockstream.policy;

import java.util.List;

/** The ML VPC's bedrock-runtime endpoint: only the ML function's role, only streaming/invoke, only allowed models. */
public final class BedrockEndpointPolicy {
    private BedrockEndpointPolicy() {
    }

    public static PolicyDocument of(String mlFunctionRoleArn, List<String> modelArns) {
        return PolicyDocument.of(Statement.allow("MlFunctionInvokesAllowedModels")
                .principal(Principal.aws(mlFunctionRoleArn))
                .actions("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel")
                .resources(modelArns)
                .build());
    }
}
