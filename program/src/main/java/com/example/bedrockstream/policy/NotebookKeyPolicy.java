package com.example.bedrockstream.policy;

/**
 * The key that encrypts the notebook's volume. The account administers it; principals of the account may use it
 * only through SageMaker (and the EC2 volume SageMaker creates) in this region.
 */
public final class NotebookKeyPolicy {
    private NotebookKeyPolicy() {
    }

    public static PolicyDocument of(String accountId, String region) {
        return PolicyDocument.of(
                CommonStatements.accountAdministersKey(accountId),
                Statement.allow("UseThroughSageMakerOnly")
                        .principal(Principal.aws("arn:aws:iam::" + accountId + ":root"))
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                                "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant",
                                "kms:DescribeKey")
                        .anyResource()
                        .condition("StringEquals", "kms:ViaService",
                                "sagemaker." + region + ".amazonaws.com", "ec2." + region + ".amazonaws.com")
                        .build());
    }
}
