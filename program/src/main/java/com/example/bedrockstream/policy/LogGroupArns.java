package com.example.bedrockstream.policy;

/**
 * How an IAM policy names a CloudWatch Logs log group. AWS authorises group-level actions (CreateLogGroup,
 * DescribeLogStreams, ...) on the ARN with a trailing {@code :*}, the form DescribeLogGroups returns; only
 * TagResource, UntagResource and ListTagsForResource take the ARN without it
 * (AmazonCloudWatch/latest/logs/iam-access-control-overview-cwl.html, "CloudWatch Logs resources and operations").
 */
public final class LogGroupArns {
    private LogGroupArns() {
    }

    /** For group-level actions: the group as AWS authorises them, which covers its streams too. */
    public static String group(String logGroupArn) {
        return logGroupArn + ":*";
    }

    /** Every stream of the group, for stream-level actions only (CreateLogStream, PutLogEvents). */
    public static String streams(String logGroupArn) {
        return logGroupArn + ":log-stream:*";
    }
}
