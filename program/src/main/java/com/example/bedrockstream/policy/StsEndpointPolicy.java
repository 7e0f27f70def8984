package com.example.bedrockstream.policy;

/** The hub's STS endpoint: this account's principals may assume the ML invoker role, and nothing else passes. */
public final class StsEndpointPolicy {
    private StsEndpointPolicy() {
    }

    public static PolicyDocument of(String appAccountId, String invokerRoleArn) {
        var thisAccount = Principal.aws("arn:aws:iam::" + appAccountId + ":root");
        return PolicyDocument.of(
                Statement.allow("AssumeMlInvokerRole")
                        .principal(thisAccount)
                        .actions("sts:AssumeRole")
                        .resources(invokerRoleArn)
                        .build(),
                // GetCallerIdentity has no resource; it lets callers check which identity they are using.
                Statement.allow("DiagnoseCallerIdentity")
                        .principal(thisAccount)
                        .actions("sts:GetCallerIdentity")
                        .anyResource()
                        .build());
    }
}
