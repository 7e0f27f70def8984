package com.example.bedrockstream.audit;

import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;

/**
 * @param configName   the query logging configuration's name
 * @param logGroupName where the queries of {@code vpcId} go, kept as the scope's logs are
 */
public record ResolverQueryLoggingArgs(
        StackScope scope,
        String configName,
        String logGroupName,
        Output<String> vpcId) {
}
