package com.example.bedrockstream.preflight;

import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.AwsTypes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.util.LinkedHashMap;
import java.util.List;

/**
 * Lambda refuses a reserved concurrency that would leave fewer than {@link #MINIMUM_UNRESERVED} executions unreserved
 * in the account and region ("decreases account's UnreservedConcurrentExecution below its minimum value of [100]"),
 * so `up` would stop at the function, after everything before it exists. A new account's quota (10 or 50) cannot
 * reserve anything.
 */
final class ConcurrencyCheck implements PreflightCheck {
    static final String NAME = "lambda concurrency";
    static final int MINIMUM_UNRESERVED = 100;
    static final String QUOTA = "Service Quotas, AWS Lambda, \"Concurrent executions\" (L-B99A9384)";

    @Override
    public List<CheckResult> run(PlannedStack stack, AwsClients aws) {
        var reservations = new LinkedHashMap<String, Integer>();
        stack.ofType(AwsTypes.FUNCTION).forEach(f -> f.input("reservedConcurrentExecutions")
                .map(n -> ((Number) n).intValue()).filter(n -> n > 0)
                .ifPresent(n -> reservations.put(f.string("name"), n)));
        int demand = reservations.values().stream().mapToInt(Integer::intValue).sum();
        if (demand == 0) {
            return List.of(CheckResult.pass(NAME, "the stack reserves no concurrency"));
        }
        try (var lambda = aws.lambda(stack.region())) {
            var limit = lambda.getAccountSettings().accountLimit();
            // A function that exists already gives its own reservation back when it is updated.
            int held = reservations.keySet().stream().mapToInt(name -> heldBy(lambda, name)).sum();
            int after = limit.unreservedConcurrentExecutions() + held - demand;
            String detail = "quota " + limit.concurrentExecutions() + ", unreserved " + limit.unreservedConcurrentExecutions()
                    + ", this stack reserves " + demand + " " + reservations + ": " + after + " would stay unreserved, AWS"
                    + " requires " + MINIMUM_UNRESERVED;
            if (after >= MINIMUM_UNRESERVED) {
                return List.of(CheckResult.pass(NAME, detail));
            }
            int quotaNeeded = limit.concurrentExecutions() + MINIMUM_UNRESERVED - after;
            String fix = "raise the quota in " + stack.region() + " to at least " + quotaNeeded + " (" + QUOTA + ")"
                    + (stack.config().common().role() == Role.ML
                    ? ", then deploy; functionReservedConcurrency cannot be 0 (it caps the function the alarms watch)"
                    : ", or set bedrock-stream:appFunctionReservedConcurrency: 0 in Pulumi." + stack.stack()
                    + ".yaml (no cap on the Application Lambda)");
            return List.of(CheckResult.fail(NAME, detail, fix));
        } catch (SdkException e) {
            return List.of(CheckResult.fail(NAME, "lambda:GetAccountSettings failed: " + e.getMessage(),
                    "allow the deploying credentials lambda:GetAccountSettings and lambda:GetFunctionConcurrency"));
        }
    }

    private static int heldBy(LambdaClient lambda, String function) {
        try {
            Integer held = lambda.getFunctionConcurrency(r -> r.functionName(function)).reservedConcurrentExecutions();
            return held == null ? 0 : held;
        } catch (ResourceNotFoundException notYetDeployed) {
            return 0;
        }
    }
}
