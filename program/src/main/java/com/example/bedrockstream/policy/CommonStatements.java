package com.example.bedrockstream.policy;

import java.util.List;

/** Statements more than one role needs. */
public final class CommonStatements {
    private CommonStatements() {
    }

    /**
     * What a Lambda function in a VPC needs to manage its network interfaces. These EC2 actions support no
     * resource-level permission, which is why AWS's own AWSLambdaVPCAccessExecutionRole grants them on "*".
     */
    public static Statement lambdaVpcNetworking() {
        return Statement.allow("ManageVpcNetworkInterfaces")
                .actions("ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets",
                        "ec2:DeleteNetworkInterface", "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses")
                .anyResource()
                .build();
    }

    /**
     * The account administers a customer-managed key (so it never becomes unmanageable) without being able to
     * use it; who may use the key is said by the key's other statements. The actions are listed one by one because
     * the usual wildcards give use away: {@code kms:Create*} includes {@code kms:CreateGrant}, which lets the
     * grantee hand itself Decrypt and GenerateDataKey.
     */
    public static Statement accountAdministersKey(String accountId) {
        return Statement.allow("AccountAdministersKey")
                .principal(Principal.aws("arn:aws:iam::" + accountId + ":root"))
                .actions(KEY_ADMINISTRATION.toArray(String[]::new))
                .anyResource()
                .build();
    }

    /** Managing one key's life, description, policy, rotation, aliases and tags, and revoking its grants. */
    static final List<String> KEY_ADMINISTRATION = List.of(
            "kms:DescribeKey", "kms:GetKeyPolicy", "kms:GetKeyRotationStatus", "kms:ListKeyPolicies",
            "kms:ListKeyRotations", "kms:ListGrants", "kms:ListResourceTags", "kms:ListAliases",
            "kms:PutKeyPolicy", "kms:UpdateKeyDescription", "kms:EnableKey", "kms:DisableKey",
            "kms:EnableKeyRotation", "kms:DisableKeyRotation", "kms:RotateKeyOnDemand",
            "kms:CreateAlias", "kms:UpdateAlias", "kms:DeleteAlias", "kms:TagResource", "kms:UntagResource",
            "kms:RevokeGrant", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion");

    /** Writing to one log group and nowhere else. */
    public static Statement writeLogsTo(String logGroupArn) {
        return Statement.allow("WriteOwnLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(LogGroupArns.streams(logGroupArn))
                .build();
    }

    /**
     * Trust for an AWS service to assume a role only on behalf of this account and of the named source (the
     * confused-deputy guard AWS documents for service roles).
     *
     * @param sourceArnOperator "ArnEquals" for one source, "ArnLike" for a pattern
     */
    public static PolicyDocument serviceTrust(String sid, String servicePrincipal, String accountId,
                                              String sourceArnOperator, String sourceArn) {
        return PolicyDocument.of(Statement.allow(sid)
                .principal(Principal.service(servicePrincipal))
                .actions("sts:AssumeRole")
                .condition("StringEquals", "aws:SourceAccount", accountId)
                .condition(sourceArnOperator, "aws:SourceArn", sourceArn)
                .build());
    }

    /** Trust for an AWS service to assume a role. */
    public static PolicyDocument serviceTrust(String servicePrincipal) {
        return PolicyDocument.of(Statement.allow("TrustService")
                .principal(Principal.service(servicePrincipal))
                .actions("sts:AssumeRole")
                .build());
    }
}
