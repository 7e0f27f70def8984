package com.example.bedrockstream.policy;

/**
 * The key that encrypts the notebook's volume. The account administers it; principals of the account may use it
 * only through SageMaker (and the EC2 volume SageMaker creates) in this region.
 */
public final class NotebookKeyPolicy {
    private NotebookKeyPolicy() {
    }

    public static PolicyDocument of(String accountId, String region) {
        var account = Principal.aws("arn:aws:iam::" + accountId + ":root");
        return PolicyDocument.of(
                Statement.allow("AccountAdministersKey")
                        .principal(account)
                        .actions("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                                "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                                "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                                "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand")
                        .anyResource()
                        .build(),
                Statement.allow("UseThroughSageMakerOnly")
                        .principal(account)
                        .actions("kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo",
                                "kms:GenerateDataKey", "kms:GenerateDataKeyWithoutPlaintext", "kms:CreateGrant",
                                "kms:DescribeKey")
                        .anyResource()
                        .condition("StringEquals", "kms:ViaService",
                                "sagemaker." + region + ".amazonaws.com", "ec2." + region + ".amazonaws.com")
                        .build());
    }
}
