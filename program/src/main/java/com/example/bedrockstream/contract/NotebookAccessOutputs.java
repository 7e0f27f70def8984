package com.example.bedrockstream.contract;

import java.util.List;

/**
 * What every application stack (hub and spokes) exports about its notebook's private way in. Lists, empty when the
 * stack has no notebook or notebookPrivateAccess is off, so the outputs say so rather than going missing.
 */
public final class NotebookAccessOutputs {
    private NotebookAccessOutputs() {
    }

    public static final StackOutput<List<String>> USER_POLICY_ARNS = StackOutput.stringList("notebookUserPolicyArns",
            "managed IAM policy to attach to the notebook's users: the notebook opens only through this VPC's endpoints"
                    + " (none without private access)");
    public static final StackOutput<List<String>> USER_POLICY_NAMES = StackOutput.stringList("notebookUserPolicyNames",
            "names of those policies, for `aws iam attach-user-policy` and the like");

    static final List<StackOutput<?>> ALL = List.of(USER_POLICY_ARNS, USER_POLICY_NAMES);
}
