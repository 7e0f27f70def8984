package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code destroy} of every stack in one run: Lambda releases a VPC function's network interfaces up to about 40
 * minutes after the function is gone, and the provider waits for them on the subnets and security groups that hold
 * them only for their delete timeout (15 and 20 minutes by default).
 */
class TeardownTest {
    static final Duration LAMBDA_RELEASE = Duration.ofMinutes(40);

    @Test
    void whatAFunctionsNetworkInterfacesHoldWaitsForThemOnDestroy() {
        var chain = Stacks.spoke();
        int functions = 0;
        for (OfflineRun run : List.of(chain.ml(), chain.hub(), chain.spoke())) {
            for (MockResource function : run.ofType(AwsTypes.FUNCTION)) {
                var held = new ArrayList<Object>(function.list("vpcConfig.subnetIds"));
                held.addAll(function.list("vpcConfig.securityGroupIds"));
                assertFalse(held.isEmpty(), function.name() + " runs in a VPC");
                for (Object id : held) {
                    MockResource holder = run.resources().stream()
                            .filter(r -> r.type().equals(AwsTypes.SUBNET) || r.type().equals(AwsTypes.SECURITY_GROUP))
                            .filter(r -> id.equals(PerimeterAssertions.id(run, r))).findFirst()
                            .orElseThrow(() -> new AssertionError(function.name() + ": no subnet or group " + id));
                    Optional<Duration> timeout = holder.deleteTimeout();
                    assertTrue(timeout.isPresent() && timeout.get().compareTo(LAMBDA_RELEASE) > 0, run.stack() + ": "
                            + holder.name() + " (held by " + function.name() + ") waits " + timeout + " on delete");
                }
                functions++;
            }
        }
        assertEquals(3, functions, "the ML function and both Application Lambdas");
    }
}
