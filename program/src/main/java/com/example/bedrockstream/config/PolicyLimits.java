package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.AwsRegions;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.policy.BedrockEndpointPolicy;
import com.example.bedrockstream.policy.MlFunctionRolePolicy;
import com.example.bedrockstream.policy.PolicySizes;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Whether the policies that grow with {@code allowedModelIds} (the bedrock-runtime endpoint policy and the ML
 * function role's inline policy) stay within AWS's size quotas. They are measured with the longest role and
 * function names AWS allows, so the answer holds whatever the stack is called.
 */
public final class PolicyLimits {
    private static final String LONGEST_NAME = "n".repeat(64);
    private static final String ENDPOINT_ID = "vpce-0123456789abcdef0";

    private PolicyLimits() {
    }

    /**
     * What is wrong with allowing {@code models} in an ML stack in {@code region} of {@code accountId}, phrased as
     * what was expected (for {@code ConfigProblem}): it names allowedModelIds, the number of models, each policy
     * over its quota with its size and the limit. Empty when every policy fits.
     */
    public static Optional<String> allowedModelsProblem(List<ModelId> models, String region, String accountId) {
        List<String> arns = ModelId.resourceArns(models, region, accountId);
        String partition = AwsRegions.partition(region);
        String roleArn = "arn:" + partition + ":iam::" + accountId + ":role/" + LONGEST_NAME;
        String logGroupArn = "arn:" + partition + ":logs:" + region + ":" + accountId + ":log-group:/aws/lambda/" + LONGEST_NAME;
        var problems = Stream.of(
                        PolicySizes.endpointPolicy("the bedrock-runtime endpoint policy",
                                BedrockEndpointPolicy.of(roleArn, arns).toJson()),
                        PolicySizes.inlinePolicies("the ML function role's inline policies",
                                List.of(MlFunctionRolePolicy.of(logGroupArn, arns, ENDPOINT_ID).toJson())))
                .flatMap(Optional::stream)
                .toList();
        if (problems.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of("an allowedModelIds list whose policies fit AWS's size limits, but its " + models.size()
                + " models (" + arns.size() + " model and inference-profile ARNs) do not: " + String.join("; ", problems)
                + "; allow fewer models, or fewer inference profiles of many-region geographies");
    }
}
