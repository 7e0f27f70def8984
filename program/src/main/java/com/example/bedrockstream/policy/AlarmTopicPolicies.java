package com.example.bedrockstream.policy;

/**
 * The alarm topic's key and topic policies: only this account's CloudWatch alarms in this region may publish to the
 * topic, and only they may use its key to do so (CloudWatch publishes to a KMS-encrypted topic with its own service
 * principal, which needs Decrypt and GenerateDataKey on the key); nothing reaches the topic without TLS.
 */
public final class AlarmTopicPolicies {
    private static final String CLOUDWATCH = "cloudwatch.amazonaws.com";

    private AlarmTopicPolicies() {
    }

    /** The alarms of this account and region, as CloudWatch names them in aws:SourceArn. */
    public static String alarmsOf(String accountId, String region) {
        return "arn:aws:cloudwatch:" + region + ":" + accountId + ":alarm:*";
    }

    public static PolicyDocument key(String accountId, String region) {
        return PolicyDocument.of(
                CommonStatements.accountAdministersKey(accountId),
                Statement.allow("CloudWatchAlarmsUseKey")
                        .principal(Principal.service(CLOUDWATCH))
                        .actions("kms:Decrypt", "kms:GenerateDataKey*")
                        .anyResource()
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .condition("ArnLike", "aws:SourceArn", alarmsOf(accountId, region))
                        .build());
    }

    public static PolicyDocument topic(String topicArn, String accountId, String region) {
        return PolicyDocument.of(
                Statement.allow("CloudWatchAlarmsPublish")
                        .principal(Principal.service(CLOUDWATCH))
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .condition("StringEquals", "aws:SourceAccount", accountId)
                        .condition("ArnLike", "aws:SourceArn", alarmsOf(accountId, region))
                        .build(),
                // The account's own users and roles could publish through their IAM policies; an alarm topic is
                // for alarms, so a message on it always means an alarm changed state.
                Statement.deny("OnlyAwsServicesPublish")
                        .anyone()
                        .actions("sns:Publish")
                        .resources(topicArn)
                        .condition("Bool", "aws:PrincipalIsAWSService", "false")
                        .build(),
                Statement.deny("DenyInsecureTransport")
                        .anyone()
                        .everyActionOf("sns")
                        .resources(topicArn)
                        .condition("Bool", "aws:SecureTransport", "false")
                        .build());
    }
}
