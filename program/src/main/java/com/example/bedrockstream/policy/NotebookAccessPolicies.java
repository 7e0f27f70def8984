package com.example.bedrockstream.policy;

/**
 * How a notebook is reached from the VPC it lives in: the policies of its SageMaker API, notebook and Logs endpoints,
 * and the policy its users are given. AWS documents both sides in "Connect to a Notebook Instance Through a VPC
 * Interface Endpoint" (https://docs.aws.amazon.com/sagemaker/latest/dg/notebook-interface-endpoint.html): an endpoint
 * policy for the notebook endpoint naming CreatePresignedNotebookInstanceUrl on one instance, and a user policy
 * conditioned on aws:SourceVpce naming both the API endpoint and the notebook endpoint.
 */
public final class NotebookAccessPolicies {
    /**
     * SageMaker authorises this action for the API call and again for every HTTP request and WebSocket frame to the
     * notebook (CreatePresignedNotebookInstanceUrl, API reference), so one action governs getting the URL and using it.
     */
    public static final String PRESIGNED_URL = "sagemaker:CreatePresignedNotebookInstanceUrl";
    /** AWS's example grants it too: a user checks the notebook is InService before opening it. */
    public static final String DESCRIBE = "sagemaker:DescribeNotebookInstance";
    /** Where SageMaker writes notebook-instance logs, in streams named "[notebook-instance-name]/[hook or log]". */
    public static final String LOG_GROUP = "/aws/sagemaker/NotebookInstances";

    private NotebookAccessPolicies() {
    }

    /** The SageMaker API endpoint: this account's principals may describe this notebook and get its URL, nothing else. */
    public static PolicyDocument sagemakerApiEndpoint(String accountId, String notebookArn) {
        return PolicyDocument.of(Statement.allow("OpenThisNotebook")
                .principal(account(accountId))
                .actions(PRESIGNED_URL, DESCRIBE)
                .resources(notebookArn)
                .build());
    }

    /** The notebook endpoint: this account's principals may use this notebook's Jupyter, and no other notebook's. */
    public static PolicyDocument notebookEndpoint(String accountId, String notebookArn) {
        return PolicyDocument.of(Statement.allow("UseThisNotebook")
                .principal(account(accountId))
                .actions(PRESIGNED_URL)
                .resources(notebookArn)
                .build());
    }

    /** The Logs endpoint: this account may write and read the notebook's own streams in SageMaker's log group. */
    public static PolicyDocument logsEndpoint(String accountId, String region, String notebookName) {
        String group = logGroupArn(accountId, region);
        return PolicyDocument.of(
                Statement.allow("FindNotebookLogGroup")
                        .principal(account(accountId))
                        .actions("logs:CreateLogGroup", "logs:DescribeLogStreams")
                        .resources(LogGroupArns.group(group))
                        .build(),
                Statement.allow("NotebookStreamsOnly")
                        .principal(account(accountId))
                        .actions("logs:CreateLogStream", "logs:PutLogEvents", "logs:GetLogEvents")
                        .resources(notebookStreams(accountId, region, notebookName))
                        .build());
    }

    /**
     * What a notebook user is given. The presigned URL for this notebook only through this VPC's SageMaker API
     * endpoint, the notebook itself only through its notebook endpoint, and a deny for any other way in, which holds
     * even when another policy of the user grants SageMaker broadly.
     */
    public static PolicyDocument notebookUsers(String notebookArn, String apiEndpointId, String notebookEndpointId) {
        return PolicyDocument.of(
                Statement.allow("CreateUrlThroughApiEndpoint")
                        .actions(PRESIGNED_URL, DESCRIBE)
                        .resources(notebookArn)
                        .condition("StringEquals", "aws:SourceVpce", apiEndpointId)
                        .build(),
                Statement.allow("OpenThroughNotebookEndpoint")
                        .actions(PRESIGNED_URL)
                        .resources(notebookArn)
                        .condition("StringEquals", "aws:SourceVpce", notebookEndpointId)
                        .build(),
                // A request that arrived through no endpoint has no aws:SourceVpce, and StringNotEquals matches it.
                Statement.deny("OnlyThroughThisVpc")
                        .actions(PRESIGNED_URL)
                        .resources(notebookArn)
                        .condition("StringNotEquals", "aws:SourceVpce", apiEndpointId, notebookEndpointId)
                        .build());
    }

    public static String logGroupArn(String accountId, String region) {
        return "arn:aws:logs:" + region + ":" + accountId + ":log-group:" + LOG_GROUP;
    }

    /** The streams of one notebook instance, "[notebook-instance-name]/[LifecycleConfigHook]" and its Jupyter log. */
    public static String notebookStreams(String accountId, String region, String notebookName) {
        return logGroupArn(accountId, region) + ":log-stream:" + notebookName + "/*";
    }

    private static Principal account(String accountId) {
        return Principal.aws("arn:aws:iam::" + accountId + ":root");
    }
}
