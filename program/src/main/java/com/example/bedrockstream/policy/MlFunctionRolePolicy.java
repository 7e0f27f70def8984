package com.example.bedrockstream.policy;

import java.util.List;

/** The ML function's execution role: its network interfaces, its own logs, and the allowed models via the endpoint. */
public final class MlFunctionRolePolicy {
    private MlFunctionRolePolicy() {
    }

    public static PolicyDocument of(String logGroupArn, List<String> modelArns, String bedrockEndpointId) {
        return PolicyDocument.of(
                CommonStatements.lambdaVpcNetworking(),
                CommonStatements.writeLogsTo(logGroupArn),
                Statement.allow("InvokeAllowedModelsThroughEndpoint")
                        .actions("bedrock:InvokeModelWithResponseStream", "bedrock:InvokeModel")
                        .resources(modelArns)
                        .condition("StringEquals", "aws:SourceVpce", bedrockEndpointId)
                        .build());
    }
}
