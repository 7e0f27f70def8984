package com.example.bedrockstream.policy;

/** Roles in the application account that call the ML function: the Application Lambda and the notebook. */
public final class AppCallerPolicies {
    private AppCallerPolicies() {
    }

    private static Statement assumeInvokerRole(String invokerRoleArn) {
        return Statement.allow("AssumeMlInvokerRole")
                .actions("sts:AssumeRole")
                .resources(invokerRoleArn)
                .build();
    }

    /** Assume the invoker role, manage its VPC interfaces, write its own logs. */
    public static PolicyDocument applicationFunction(String invokerRoleArn, String logGroupArn) {
        return PolicyDocument.of(
                assumeInvokerRole(invokerRoleArn),
                CommonStatements.lambdaVpcNetworking(),
                CommonStatements.writeLogsTo(logGroupArn));
    }

    /** Assume the invoker role, and the notebook-instance logging SageMaker does on the instance's behalf. */
    public static PolicyDocument notebook(String invokerRoleArn, String accountId, String region) {
        String notebookLogs = NotebookAccessPolicies.logGroupArn(accountId, region);
        return PolicyDocument.of(
                assumeInvokerRole(invokerRoleArn),
                Statement.allow("WriteNotebookLogs")
                        .actions("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                                "logs:DescribeLogStreams")
                        .resources(LogGroupArns.group(notebookLogs))
                        .build());
    }
}
