package com.example.bedrockstream.logging;

import com.pulumi.aws.cloudwatch.LogGroup;
import com.pulumi.aws.cloudwatch.LogGroupArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

/** Every log group in this project: an explicit name, KMS encryption and a finite retention. */
public final class EncryptedLogGroup {
    private EncryptedLogGroup() {
    }

    public static LogGroup create(String resourceName, String logGroupName, int retentionDays,
                                  Output<String> kmsKeyArn, Resource parent) {
        return new LogGroup(resourceName, LogGroupArgs.builder()
                .name(logGroupName)
                .retentionInDays(retentionDays)
                .kmsKeyId(kmsKeyArn)
                .build(), CustomResourceOptions.builder().parent(parent).build());
    }

    /** The ARN a policy can name before the group exists. */
    public static String arn(String region, String accountId, String logGroupName) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + logGroupName;
    }
}
