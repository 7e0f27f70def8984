package com.example.bedrockstream.scope;

import com.pulumi.aws.Provider;
import com.pulumi.core.Output;

/**
 * What every component of a stack shares, passed once instead of field by field: the stack, the account and region
 * its resources live in, its logs key and retention, and its explicit providers.
 *
 * @param stack the stack name, which prefixes the resource names derived from it
 */
public record StackScope(String stack, String accountId, String region, Logs logs, Providers providers) {

    /**
     * @param keyArn        the stack's logs key (LogsKey), which admits CloudWatch Logs for every log group of the
     *                      account and region
     * @param retentionDays how long the stack's log groups keep events, unless a component is told otherwise
     */
    public record Logs(Output<String> keyArn, int retentionDays) {
    }

    /** The stack's explicit providers, each with every {@code aws:} setting of the stack file; each made once. */
    public interface Providers {
        /** The stack's settings in another region: how a spoke creates what it owns on the hub side. */
        Provider inRegion(String region);

        /** The stack's settings on the newer plugin the notebook platform needs. */
        Provider forNotebooks();
    }
}
