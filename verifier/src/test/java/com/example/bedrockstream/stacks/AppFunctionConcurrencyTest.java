package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** appFunctionReservedConcurrency: none by default (a new account cannot reserve any), passed through when set. */
class AppFunctionConcurrencyTest {

    private static Optional<Object> reserved(OfflineRun run, String function) {
        assertTrue(run.succeeded(), run.errorText());
        return run.named("aws:lambda/function:Function", function).input("reservedConcurrentExecutions");
    }

    @Test
    void zeroReservesNothing() {
        var run = Stacks.hub(Map.of("appFunctionReservedConcurrency", "0"), exports -> exports);
        assertEquals(Optional.empty(), reserved(run, "app-use1-app-invoker"));
    }

    @Test
    void aHubReservesWhatItIsTold() {
        var run = Stacks.hub(Map.of("appFunctionReservedConcurrency", "5"), exports -> exports);
        assertEquals(5, ((Number) reserved(run, "app-use1-app-invoker").orElseThrow()).intValue());
    }

    @Test
    void aSpokeReservesWhatItIsTold() {
        var run = Stacks.spoke("app-apse1", Map.of("appFunctionReservedConcurrency", "7"), exports -> exports).spoke();
        assertEquals(7, ((Number) reserved(run, "app-apse1-app-invoker").orElseThrow()).intValue());
    }

    @Test
    void outOfRangeIsRefusedBeforeAnythingIsRegistered() {
        Stacks.assertRefused(Stacks.hub(Map.of("appFunctionReservedConcurrency", "-1"), exports -> exports),
                "bedrock-stream:appFunctionReservedConcurrency = \"-1\": expected Application function reserved"
                        + " concurrency (0: none reserved) from 0 to 1000");
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("appFunctionReservedConcurrency", "1001"),
                        exports -> exports).spoke(),
                "bedrock-stream:appFunctionReservedConcurrency = \"1001\": expected Application function reserved");
    }
}
