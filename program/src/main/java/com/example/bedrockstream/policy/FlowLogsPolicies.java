package com.example.bedrockstream.policy;

/** The role VPC Flow Logs uses to deliver to one log group. */
public final class FlowLogsPolicies {
    private FlowLogsPolicies() {
    }

    /** Trusted by the flow-logs service, only for this account's flow logs (confused-deputy guard). */
    public static PolicyDocument trust(String accountId, String region) {
        return CommonStatements.serviceTrust("FlowLogsDelivery", "vpc-flow-logs.amazonaws.com", accountId, "ArnLike",
                "arn:aws:ec2:" + region + ":" + accountId + ":vpc-flow-log/*");
    }

    /**
     * What AWS documents the delivery role needs (https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs-iam-role.html:
     * logs:CreateLogGroup, CreateLogStream, PutLogEvents, DescribeLogGroups, DescribeLogStreams), scoped to the one
     * log group instead of "*". DescribeLogGroups lists groups, so it is authorised against every log group of the
     * account and region and cannot be narrowed to one; it reveals names and settings, never log events. The group
     * itself is named as AWS authorises CreateLogGroup and DescribeLogStreams ({@link LogGroupArns#group}).
     */
    public static PolicyDocument deliverTo(String logGroupArn) {
        String anyGroup = logGroupArn.substring(0, logGroupArn.indexOf(":log-group:")) + ":log-group:*";
        return PolicyDocument.of(
                Statement.allow("DeliverFlowLogs")
                        .actions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogStreams")
                        .resources(LogGroupArns.group(logGroupArn))
                        .build(),
                Statement.allow("FindFlowLogGroup")
                        .actions("logs:DescribeLogGroups")
                        .resources(anyGroup)
                        .build());
    }
}
