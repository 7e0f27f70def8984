package com.example.bedrockstream.policy;

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
     * encrypt or decrypt with it; who may use the key is said by the key's other statements.
     */
    public static Statement accountAdministersKey(String accountId) {
        return Statement.allow("AccountAdministersKey")
                .principal(Principal.aws("arn:aws:iam::" + accountId + ":root"))
                .actions("kms:Create*", "kms:Describe*", "kms:Enable*", "kms:List*", "kms:Put*",
                        "kms:Update*", "kms:Revoke*", "kms:Disable*", "kms:Get*", "kms:Delete*",
                        "kms:TagResource", "kms:UntagResource", "kms:ScheduleKeyDeletion",
                        "kms:CancelKeyDeletion", "kms:RotateKeyOnDemand")
                .anyResource()
                .build();
    }

    /** Writing to one log group and nowhere else. */
    public static Statement writeLogsTo(String logGroupArn) {
        return Statement.allow("WriteOwnLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(logGroupArn + ":log-stream:*")
                .build();
    }

    /** Trust for an AWS service to assume a role. */
    public static PolicyDocument serviceTrust(String servicePrincipal) {
        return PolicyDocument.of(Statement.allow("TrustService")
                .principal(Principal.service(servicePrincipal))
                .actions("sts:AssumeRole")
                .build());
    }
}
