package com.example.bedrockstream.monitoring;

import com.pulumi.core.Output;

/**
 * @param name        of the schedule, its group and its role
 * @param functionArn the Application Lambda the canary invokes, and the only thing its role may invoke
 * @param input       the event each run sends: {@link Canary#input}
 */
public record CanaryArgs(String name, String accountId, String region, Output<String> functionArn,
                         Output<String> functionName, int rateMinutes, String input) {
}
