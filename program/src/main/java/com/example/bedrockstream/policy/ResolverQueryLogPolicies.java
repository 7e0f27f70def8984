package com.example.bedrockstream.policy;

/**
 * Route 53 Resolver delivers query logs to CloudWatch Logs through the vended-logs service, which writes only where
 * a CloudWatch Logs resource policy lets {@code delivery.logs.amazonaws.com} in. AWS would create a broad one itself
 * on first use, and only if the deployer may change resource policies; this is the policy AWS documents
 * (AmazonCloudWatch/latest/logs/AWS-logs-infrastructure-CWL.html, "Log group resource policy"), for one log group.
 */
public final class ResolverQueryLogPolicies {
    private ResolverQueryLogPolicies() {
    }

    public static PolicyDocument delivery(String accountId, String region, String logGroupArn) {
        return PolicyDocument.of(Statement.allow("DeliverResolverQueryLogs")
                .principal(Principal.service("delivery.logs.amazonaws.com"))
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(LogGroupArns.streams(logGroupArn))
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition("ArnLike", "aws:SourceArn", "arn:aws:logs:" + region + ":" + accountId + ":*")
                .build());
    }
}
