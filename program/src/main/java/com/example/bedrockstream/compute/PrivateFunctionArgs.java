package com.example.bedrockstream.compute;

import com.example.bedrockstream.network.HttpsTargets;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * @param functionName             explicit, so its log group and ARN can be named in policies up front
 * @param roleArn                  execution role; {@code roleGrants} are its policies, in place before the function
 * @param httpsTargets             the only destinations the function may reach, on TCP 443
 * @param reservedConcurrency      empty leaves the function in the account's unreserved pool
 */
public record PrivateFunctionArgs(
        String functionName,
        String description,
        FunctionCode code,
        Output<String> roleArn,
        List<Resource> roleGrants,
        Output<String> vpcId,
        Output<List<String>> subnetIds,
        HttpsTargets httpsTargets,
        Map<String, Output<String>> environment,
        int memoryMb,
        int timeoutSeconds,
        Optional<Integer> reservedConcurrency,
        int logRetentionDays,
        Output<String> logsKeyArn) {

    /** Lambda's own default log group name, which the function's explicit log group takes. */
    public static String logGroupName(String functionName) {
        return "/aws/lambda/" + functionName;
    }
}
