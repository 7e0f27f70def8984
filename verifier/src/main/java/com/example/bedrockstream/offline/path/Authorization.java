package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;

/** What the policy documents attached to an endpoint or a role say about a request. */
final class Authorization {
    private Authorization() {
    }

    /** An endpoint without a policy has AWS's default, which allows everything. */
    static PolicyDecision throughEndpoint(MockResource endpoint, PolicyRequest request) {
        return Deployment.text(endpoint, "policy")
                .map(policy -> PolicyEvaluator.evaluate(policy, request))
                .orElse(PolicyDecision.ALLOW);
    }

    /**
     * A role's inline policies taken together: a deny in any wins, otherwise an allow in any allows. Managed policy
     * attachments are not read: the project grants roles inline only.
     */
    static PolicyDecision byRole(Deployment deployment, String roleArn, PolicyRequest request) {
        MockResource role = deployment.find(AwsTypes.ROLE, r -> Deployment.text(r, "arn").filter(roleArn::equals).isPresent())
                .orElseThrow(() -> new PathGap("no role " + roleArn + " among the resources"));
        String name = Deployment.text(role, "name").orElse(Deployment.id(role));
        boolean allowed = false;
        for (MockResource policy : deployment.where(AwsTypes.ROLE_POLICY, "role", name)) {
            var decision = PolicyEvaluator.evaluate(Deployment.text(policy, "policy").orElse("{}"), request);
            if (decision == PolicyDecision.EXPLICIT_DENY) {
                return decision;
            }
            allowed |= decision.allowed();
        }
        return allowed ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY;
    }
}
