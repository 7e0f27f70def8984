package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.identity.ServiceRole;
import com.example.bedrockstream.identity.ServiceRoleArgs;
import com.example.bedrockstream.policy.CanaryPolicies;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pulumi.aws.lambda.FunctionEventInvokeConfig;
import com.pulumi.aws.lambda.FunctionEventInvokeConfigArgs;
import com.pulumi.aws.scheduler.Schedule;
import com.pulumi.aws.scheduler.ScheduleArgs;
import com.pulumi.aws.scheduler.ScheduleGroup;
import com.pulumi.aws.scheduler.ScheduleGroupArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleFlexibleTimeWindowArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetArgs;
import com.pulumi.aws.scheduler.inputs.ScheduleTargetRetryPolicyArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/**
 * Calls the ML function through this region's whole private path on a fixed rate: an EventBridge Scheduler schedule
 * invokes the region's Application Lambda with a tiny fixed prompt, and the function publishes whether it streamed
 * and how soon the first byte came (the canary metrics of metrics.json). Neither prompt nor answer is logged.
 *
 * <p>Scheduler invokes Lambda asynchronously. A run is a probe, not work: it is never retried, neither by Scheduler
 * (a failed delivery) nor by Lambda (a crashed run), since the next run is the retry and a late success would hide
 * the failure. There is no dead-letter queue for the same reason: a lost run is a missing datapoint, which the
 * region's canary alarm counts as a failure.
 */
public final class Canary extends ComponentResource {
    /** Scheduler and Lambda keep an undelivered event at least this long; a minute is already stale for a probe. */
    static final int MAX_EVENT_AGE_SECONDS = 60;
    /** A tiny, fixed, harmless prompt: a handful of input tokens and at most a few output tokens per run. */
    static final String PROMPT = "Reply with the single word OK.";
    static final int MAX_TOKENS = 5;

    public Canary(String name, CanaryArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("monitoring", Canary.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var group = new ScheduleGroup(name, ScheduleGroupArgs.builder().name(args.name()).build(), child);
        String groupArn = CanaryPolicies.scheduleGroupArn(args.scope().region(), args.scope().accountId(),
                args.name());
        var role = new ServiceRole(args.name(), new ServiceRoleArgs(args.name(),
                CanaryPolicies.trust(args.scope().accountId(), groupArn),
                "Canary schedule: may only invoke the Application Lambda it probes"),
                ComponentResourceOptions.builder().parent(this).build());
        role.grant("invoke-probed-function", args.functionArn().applyValue(CanaryPolicies::invoke));
        new FunctionEventInvokeConfig(name, FunctionEventInvokeConfigArgs.builder()
                .functionName(args.functionName())
                .maximumRetryAttempts(0)
                .maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS)
                .build(), child);
        new Schedule(name, ScheduleArgs.builder()
                .name(args.name())
                .groupName(group.name())
                .description("Streams a tiny fixed prompt through this region's private path to the ML function")
                .scheduleExpression(rate(args.rateMinutes()))
                .flexibleTimeWindow(ScheduleFlexibleTimeWindowArgs.builder().mode("OFF").build())
                .state("ENABLED")
                .target(ScheduleTargetArgs.builder()
                        .arn(args.functionArn())
                        .roleArn(role.arn())
                        .input(args.input())
                        .retryPolicy(ScheduleTargetRetryPolicyArgs.builder()
                                .maximumRetryAttempts(0)
                                .maximumEventAgeInSeconds(MAX_EVENT_AGE_SECONDS)
                                .build())
                        .build())
                .build(), CustomResourceOptions.builder().parent(this).dependsOn(role.grants()).build());
        registerOutputs(Map.of());
    }

    /** Scheduler's rate expression; a single minute is singular. */
    static String rate(int minutes) {
        return "rate(" + minutes + (minutes == 1 ? " minute)" : " minutes)");
    }

    /**
     * The event of every run: {@code canary: true} tells the Application Lambda to report metrics instead of
     * returning the text; the rest is {@link #request}.
     */
    public static String input(String modelId) {
        // Built field by field: the text must not change between runs of the program, or every update would
        // replace the schedule's input.
        var event = new JsonObject();
        event.addProperty("canary", true);
        request(modelId).entrySet().forEach(field -> event.add(field.getKey(), field.getValue()));
        return event.toString();
    }

    /**
     * The canary's request to the Application Lambda: an ordinary Converse request with the fixed prompt, so it
     * suits any allowed model. The verify command sends it as it is, and gets the streamed text back.
     */
    public static JsonObject request(String modelId) {
        var text = new JsonObject();
        text.addProperty("text", PROMPT);
        var content = new JsonArray();
        content.add(text);
        var message = new JsonObject();
        message.addProperty("role", "user");
        message.add("content", content);
        var messages = new JsonArray();
        messages.add(message);
        var inference = new JsonObject();
        inference.addProperty("maxTokens", MAX_TOKENS);
        var request = new JsonObject();
        request.addProperty("modelId", modelId);
        request.add("messages", messages);
        request.add("inferenceConfig", inference);
        return request;
    }
}
