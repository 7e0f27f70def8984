package com.example.bedrockstream.audit;

import com.pulumi.core.Output;

/**
 * @param roleName      the role Bedrock assumes to write the logs
 * @param retentionDays how long prompts and answers are kept
 * @param logsKeyArn    the stack's logs key (LogsKey)
 */
public record ModelInvocationLoggingArgs(
        String accountId,
        String region,
        String roleName,
        String logGroupName,
        int retentionDays,
        Output<String> logsKeyArn) {
}
