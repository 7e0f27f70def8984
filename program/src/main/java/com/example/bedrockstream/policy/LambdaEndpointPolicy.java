package com.example.bedrockstream.policy;

/** The hub's Lambda endpoint: only sessions of the ML invoker role, only invoking the ML function. */
public final class LambdaEndpointPolicy {
    private LambdaEndpointPolicy() {
    }

    public static PolicyDocument of(String invokerRoleArn, String mlFunctionArn) {
        return PolicyDocument.of(Statement.allow("InvokerRoleInvokesMlFunction")
                .principal(Principal.aws(invokerRoleArn))
                .actions("lambda:InvokeFunction")
                .resources(mlFunctionArn, mlFunctionArn + ":*")
                .build());
    }
}
