package com.example.bedrockstream.monitoring;

import com.pulumi.core.Output;
import com.example.bedrockstream.scope.StackScope;

/**
 * @param name        of the schedule, its group and its role
 * @param functionArn the Application Lambda the canary invokes, and the only thing its role may invoke
 * @param input       the event each run sends: {@link Canary#input}
 */
public record CanaryArgs(StackScope scope, String name, Output<String> functionArn,
                         Output<String> functionName, int rateMinutes, String input) {
}
