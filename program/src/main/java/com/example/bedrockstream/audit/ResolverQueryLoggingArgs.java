package com.example.bedrockstream.audit;

import com.pulumi.core.Output;

/**
 * @param configName   the query logging configuration's name
 * @param logGroupName where the queries of {@code vpcId} go
 * @param logsKeyArn   the stack's logs key (LogsKey), which admits CloudWatch Logs for every log group of the
 *                     account and region, this one included
 */
public record ResolverQueryLoggingArgs(
        String accountId,
        String region,
        String configName,
        String logGroupName,
        int retentionDays,
        Output<String> logsKeyArn,
        Output<String> vpcId) {
}
