package com.example.bedrockstream.policy;

/**
 * The canary schedule's role: only EventBridge Scheduler may assume it, for schedules of the canary's own schedule
 * group in this account (AWS scopes aws:SourceArn to a schedule group, never to one schedule), and it may only invoke
 * the one function the canary probes.
 */
public final class CanaryPolicies {
    private CanaryPolicies() {
    }

    public static String scheduleGroupArn(String region, String accountId, String groupName) {
        return "arn:aws:scheduler:" + region + ":" + accountId + ":schedule-group/" + groupName;
    }

    public static PolicyDocument trust(String accountId, String scheduleGroupArn) {
        return CommonStatements.serviceTrust("SchedulerAssumesForCanaryGroup", "scheduler.amazonaws.com", accountId, "ArnEquals",
                scheduleGroupArn);
    }

    /** The unqualified ARN the schedule targets, and nothing else: no version, alias or other function. */
    public static PolicyDocument invoke(String functionArn) {
        return PolicyDocument.of(Statement.allow("InvokeProbedFunction")
                .actions("lambda:InvokeFunction")
                .resources(functionArn)
                .build());
    }
}
