package com.example.bedrockstream.policy;

/**
 * The key and the bucket of one CloudTrail trail, as AWS documents them for a trail that encrypts with a
 * customer-managed key (awscloudtrail/latest/userguide: create-kms-key-policy-for-cloudtrail,
 * create-s3-bucket-policy-for-cloudtrail), each narrowed to this one trail with {@code aws:SourceArn}.
 */
public final class TrailPolicies {
    private TrailPolicies() {
    }

    /** The ARN a trail will have, known before it exists, so the key and bucket can name it. */
    public static String trailArn(String region, String accountId, String trailName) {
        return "arn:aws:cloudtrail:" + region + ":" + accountId + ":trail/" + trailName;
    }

    /**
     * The account administers the key; CloudTrail may encrypt with it and describe it for this trail only; the
     * account's principals whose own IAM policies allow it may decrypt this trail's log files, only through S3.
     */
    public static PolicyDocument key(String accountId, String region, String trailArn) {
        return PolicyDocument.of(
                CommonStatements.accountAdministersKey(accountId),
                Statement.allow("CloudTrailEncryptsThisTrail")
                        .principal(Principal.service("cloudtrail.amazonaws.com"))
                        .actions("kms:GenerateDataKey*")
                        .anyResource()
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .condition("StringEquals", "kms:EncryptionContext:aws:cloudtrail:arn", trailArn)
                        .build(),
                Statement.allow("CloudTrailDescribesKey")
                        .principal(Principal.service("cloudtrail.amazonaws.com"))
                        .actions("kms:DescribeKey")
                        .anyResource()
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .build(),
                Statement.allow("AccountReadsThisTrailsLogs")
                        .principal(Principal.aws("arn:aws:iam::" + accountId + ":root"))
                        .actions("kms:Decrypt")
                        .anyResource()
                        .condition("StringEquals", "kms:EncryptionContext:aws:cloudtrail:arn", trailArn)
                        .condition("StringEquals", "kms:ViaService", "s3." + region + ".amazonaws.com")
                        .build());
    }

    /**
     * No request without TLS, from anyone; CloudTrail may check the bucket's ACL and write log files under
     * AWSLogs/&lt;account&gt;/, for this trail only and handing the objects to the bucket owner.
     */
    public static PolicyDocument bucket(String bucketName, String accountId, String trailArn) {
        String bucketArn = "arn:aws:s3:::" + bucketName;
        return PolicyDocument.of(
                Statement.deny("DenyRequestsWithoutTls")
                        .anyone()
                        .everyActionOf("s3")
                        .resources(bucketArn, bucketArn + "/*")
                        .condition("Bool", "aws:SecureTransport", "false")
                        .build(),
                Statement.allow("CloudTrailChecksBucketAcl")
                        .principal(Principal.service("cloudtrail.amazonaws.com"))
                        .actions("s3:GetBucketAcl")
                        .resources(bucketArn)
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .build(),
                Statement.allow("CloudTrailWritesLogFiles")
                        .principal(Principal.service("cloudtrail.amazonaws.com"))
                        .actions("s3:PutObject")
                        .resources(bucketArn + "/AWSLogs/" + accountId + "/*")
                        .condition("StringEquals", "s3:x-amz-acl", "bucket-owner-full-control")
                        .condition("StringEquals", "aws:SourceArn", trailArn)
                        .build());
    }
}
