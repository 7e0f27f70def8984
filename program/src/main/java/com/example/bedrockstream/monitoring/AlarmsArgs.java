package com.example.bedrockstream.monitoring;

import com.pulumi.core.Output;

import java.util.List;

/**
 * @param stack    alarm names start with it
 * @param topicArn where every alarm reports going into alarm and back to OK
 */
public record AlarmsArgs(String stack, List<AlarmSpec> alarms, Output<String> topicArn) {

    public AlarmsArgs {
        alarms = List.copyOf(alarms);
    }
}
