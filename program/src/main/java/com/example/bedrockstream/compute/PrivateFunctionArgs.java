package com.example.bedrockstream.compute;

import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Made with {@link #builder()}, each value named.
 *
 * @param scope               its log group takes the scope's key and retention
 * @param functionName        explicit, so its log group and ARN can be named in policies up front
 * @param roleArn             execution role; {@code roleGrants} are its policies, in place before the function
 * @param httpsTargets        the only destinations the function may reach, on TCP 443
 * @param reservedConcurrency empty leaves the function in the account's unreserved pool
 */
public record PrivateFunctionArgs(
        StackScope scope,
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
        Optional<Integer> reservedConcurrency) {

    /** Lambda's own default log group name, which the function's explicit log group takes. */
    public static String logGroupName(String functionName) {
        return "/aws/lambda/" + functionName;
    }

    public static Builder builder(StackScope scope, String functionName) {
        return new Builder(scope, functionName);
    }

    public static final class Builder {
        private final StackScope scope;
        private final String functionName;
        private String description;
        private FunctionCode code;
        private Output<String> roleArn;
        private List<Resource> roleGrants;
        private Output<String> vpcId;
        private Output<List<String>> subnetIds;
        private HttpsTargets httpsTargets;
        private Map<String, Output<String>> environment;
        private Integer memoryMb;
        private Integer timeoutSeconds;
        private Optional<Integer> reservedConcurrency;

        private Builder(StackScope scope, String functionName) {
            this.scope = scope;
            this.functionName = functionName;
        }

        public Builder description(String description) {
            this.description = description;
            return this;
        }

        public Builder code(FunctionCode code) {
            this.code = code;
            return this;
        }

        /** The execution role and its policies, which the function waits for. */
        public Builder role(Output<String> arn, List<Resource> grants) {
            this.roleArn = arn;
            this.roleGrants = grants;
            return this;
        }

        /** Where the function runs, and the only destinations its security group lets it reach. */
        public Builder network(Output<String> vpcId, Output<List<String>> subnetIds, HttpsTargets httpsTargets) {
            this.vpcId = vpcId;
            this.subnetIds = subnetIds;
            this.httpsTargets = httpsTargets;
            return this;
        }

        /** The variables, by name: {@link LambdaEnvironment#of}. */
        public Builder environment(Map<String, Output<String>> environment) {
            this.environment = environment;
            return this;
        }

        public Builder memoryMb(int memoryMb) {
            this.memoryMb = memoryMb;
            return this;
        }

        public Builder timeoutSeconds(int timeoutSeconds) {
            this.timeoutSeconds = timeoutSeconds;
            return this;
        }

        public Builder reservedConcurrency(Optional<Integer> reservedConcurrency) {
            this.reservedConcurrency = reservedConcurrency;
            return this;
        }

        public PrivateFunctionArgs build() {
            return new PrivateFunctionArgs(scope, functionName, required(description, "description"),
                    required(code, "code"), required(roleArn, "role"), roleGrants, required(vpcId, "network"), subnetIds,
                    httpsTargets, required(environment, "environment"), required(memoryMb, "memoryMb"),
                    required(timeoutSeconds, "timeoutSeconds"), required(reservedConcurrency, "reservedConcurrency"));
        }

        private <T> T required(T value, String name) {
            return Objects.requireNonNull(value, () -> "function " + functionName + ": " + name + " is not set");
        }
    }
}
