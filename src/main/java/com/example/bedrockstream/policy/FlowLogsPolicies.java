package com.example.bedrockstream.policy;

/** The role VPC Flow Logs uses to deliver to one log group. */
public final class FlowLogsPolicies {
    private FlowLogsPolicies() {
    }

    /** Trusted by the flow-logs service, only for this account's flow logs (confused-deputy guard). */
    public static PolicyDocument trust(String accountId, String region) {
        return PolicyDocument.of(Statement.allow("FlowLogsDelivery")
                .principal(Principal.service("vpc-flow-logs.amazonaws.com"))
                .actions("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("ArnLike", "aws:SourceArn", "arn:aws:ec2:" + region + ":" + accountId + ":vpc-flow-log/*")
                .build());
    }

    public static PolicyDocument deliverTo(String logGroupArn) {
        return PolicyDocument.of(Statement.allow("DeliverFlowLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams")
                .resources(logGroupArn, logGroupArn + ":log-stream:*")
                .build());
    }
}
