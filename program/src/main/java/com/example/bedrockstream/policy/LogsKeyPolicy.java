package com.example.bedrockstream.policy;

/**
 * The customer-managed key that encrypts a stack's log groups. The account may administer it but not use it;
 * only CloudWatch Logs of this account and region may encrypt and decrypt with it, and only for log groups.
 */
public final class LogsKeyPolicy {
    private LogsKeyPolicy() {
    }

    public static PolicyDocument of(String accountId, String region) {
        return PolicyDocument.of(
                CommonStatements.accountAdministersKey(accountId),
                Statement.allow("CloudWatchLogsUsesKey")
                        .principal(Principal.service("logs." + region + ".amazonaws.com"))
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                                "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:DescribeKey")
                        .anyResource()
                        .condition("ArnLike", "kms:EncryptionContext:aws:logs:arn",
                                "arn:aws:logs:" + region + ":" + accountId + ":log-group:*")
                        .build());
    }
}
