package com.example.bedrockstream.identity;

import com.example.bedrockstream.policy.CommonStatements;
import com.example.bedrockstream.policy.PolicyDocument;

/**
 * A role an AWS service assumes on the project's behalf.
 *
 * @param roleName explicit, because other policies (and the invoker trust's name prefix) depend on it; its length
 *                 and characters are checked with the stack name, before anything is registered (StackNames)
 * @param trust    who may assume it
 */
public record ServiceRoleArgs(String roleName, PolicyDocument trust, String description) {

    /** Trusted by {@code servicePrincipal} (e.g. lambda.amazonaws.com) with no further condition. */
    public static ServiceRoleArgs trustedBy(String servicePrincipal, String roleName, String description) {
        return new ServiceRoleArgs(roleName, CommonStatements.serviceTrust(servicePrincipal), description);
    }
}
