package com.example.bedrockstream.identity;

import com.example.bedrockstream.policy.CommonStatements;
import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.exceptions.RunException;

/**
 * A role an AWS service assumes on the project's behalf.
 *
 * @param roleName explicit, because other policies (and the invoker trust's name prefix) depend on it
 * @param trust    who may assume it
 */
public record ServiceRoleArgs(String roleName, PolicyDocument trust, String description) {
    public ServiceRoleArgs {
        if (roleName.length() > 64) {
            throw new RunException("IAM role name '" + roleName + "' has " + roleName.length()
                    + " characters and AWS allows 64; shorten the stack name or the invoker principal prefix");
        }
    }

    /** Trusted by {@code servicePrincipal} (e.g. lambda.amazonaws.com) with no further condition. */
    public static ServiceRoleArgs trustedBy(String servicePrincipal, String roleName, String description) {
        return new ServiceRoleArgs(roleName, CommonStatements.serviceTrust(servicePrincipal), description);
    }
}
