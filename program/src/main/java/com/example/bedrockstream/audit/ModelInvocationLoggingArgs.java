package com.example.bedrockstream.audit;

import com.example.bedrockstream.scope.StackScope;

/**
 * @param roleName      the role Bedrock assumes to write the logs
 * @param retentionDays how long prompts and answers are kept
 */
public record ModelInvocationLoggingArgs(
        StackScope scope,
        String roleName,
        String logGroupName,
        int retentionDays) {
}
