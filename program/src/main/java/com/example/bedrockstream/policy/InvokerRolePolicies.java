package com.example.bedrockstream.policy;

import java.util.List;

/** The cross-account invoker role in the ML account, assumed by application-account callers. */
public final class InvokerRolePolicies {
    private InvokerRolePolicies() {
    }

    /**
     * Trusted by the application account, but only for roles whose name starts with the agreed prefix, only with
     * the external id, and (when endpoint ids are given) only through those STS endpoints.
     */
    public static PolicyDocument trust(String appAccountId, String principalPrefix, String externalId,
                                       List<String> stsEndpointIds) {
        var statement = Statement.allow("AppAccountPrefixedRolesWithExternalId")
                .principal(Principal.aws("arn:aws:iam::" + appAccountId + ":root"))
                .actions("sts:AssumeRole")
                .condition("StringEquals", "sts:ExternalId", externalId)
                .condition("ArnLike", "aws:PrincipalArn", "arn:aws:iam::" + appAccountId + ":role/" + principalPrefix + "*");
        if (!stsEndpointIds.isEmpty()) {
            statement.condition("StringEquals", "aws:SourceVpce", stsEndpointIds);
        }
        return PolicyDocument.of(statement.build());
    }

    /** Invoking the ML function (which also authorises InvokeWithResponseStream), and nothing else. */
    public static PolicyDocument permissions(String mlFunctionArn) {
        return PolicyDocument.of(Statement.allow("InvokeMlFunction")
                .actions("lambda:InvokeFunction")
                .resources(mlFunctionArn, mlFunctionArn + ":*")
                .build());
    }
}
