package com.example.bedrockstream.policy;

/**
 * The role Bedrock assumes to write model-invocation logs to CloudWatch Logs, as AWS documents it
 * (bedrock/latest/userguide/model-invocation-logging.html, "Set up a CloudWatch Logs destination").
 */
public final class ModelInvocationLogPolicies {
    /** The one stream Bedrock writes invocation logs to. */
    public static final String LOG_STREAM = "aws/bedrock/modelinvocations";

    private ModelInvocationLogPolicies() {
    }

    /** Trusted by Bedrock, only for this account and region (confused-deputy guard). */
    public static PolicyDocument trust(String accountId, String region) {
        return CommonStatements.serviceTrust("BedrockWritesInvocationLogs", "bedrock.amazonaws.com", accountId, "ArnLike",
                "arn:aws:bedrock:" + region + ":" + accountId + ":*");
    }

    public static PolicyDocument deliverTo(String logGroupArn) {
        return PolicyDocument.of(Statement.allow("WriteInvocationLogs")
                .actions("logs:CreateLogStream", "logs:PutLogEvents")
                .resources(logGroupArn + ":log-stream:" + LOG_STREAM)
                .build());
    }
}
