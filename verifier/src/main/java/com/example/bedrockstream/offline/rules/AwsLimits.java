package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.policy.PolicySizes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.stream.Stream;

import static com.example.bedrockstream.offline.AwsTypes.ROLE_POLICY;

/** AWS's policy size quotas, which the provider does not check: AWS refuses the call in the middle of `pulumi up`. */
final class AwsLimits {
    private AwsLimits() {
    }


    static final ResourceRule ENDPOINT_POLICY_SIZE = ResourceRule.of("aws-api:endpoint-policy-size",
            "a VPC endpoint policy is at most " + PolicySizes.ENDPOINT_POLICY_MAX + " characters, whitespace included",
            RuleSource.awsApi("AWS PrivateLink quotas: VPC endpoint policy size"), AwsTypes.ENDPOINT,
            (run, endpoint) -> endpoint.input("policy").filter(Inputs::present)
                    .flatMap(policy -> PolicySizes.endpointPolicy("the endpoint policy", String.valueOf(policy))).stream());

    static final ResourceRule TRUST_POLICY_SIZE = ResourceRule.of("aws-api:trust-policy-size",
            "a role trust policy is at most " + PolicySizes.TRUST_POLICY_MAX + " characters, whitespace not counted",
            RuleSource.awsApi("IAM and STS quotas: role trust policy length"), AwsTypes.ROLE,
            (run, role) -> role.input("assumeRolePolicy").filter(Inputs::present)
                    .flatMap(policy -> PolicySizes.trustPolicy("the trust policy", String.valueOf(policy))).stream());

    /** IAM limits the inline policies of one role together, so they are added up per role. */
    static final PlanRule ROLE_INLINE_POLICIES_SIZE = new PlanRule() {
        public String id() {
            return "aws-api:role-inline-policies-size";
        }

        public String message() {
            return "the inline policies of one role are at most " + PolicySizes.ROLE_INLINE_POLICIES_MAX
                    + " characters together, whitespace not counted";
        }

        public RuleSource source() {
            return RuleSource.awsApi("IAM and STS quotas: role inline policy size, aggregate");
        }

        public Scope scope() {
            return Scope.STACK;
        }

        public Stream<Finding> check(Plan plan) {
            var found = new ArrayList<Finding>();
            for (OfflineRun run : plan.runs().stream().filter(OfflineRun::succeeded).toList()) {
                var byRole = new LinkedHashMap<String, List<MockResource>>();
                run.ofType(ROLE_POLICY).forEach(policy -> byRole.computeIfAbsent(
                        String.valueOf(policy.input("role").orElse("")), role -> new ArrayList<>()).add(policy));
                byRole.forEach((role, policies) -> PolicySizes.inlinePolicies("the inline policies "
                                        + policies.stream().map(MockResource::name).toList() + " of role " + role + " together",
                                policies.stream().map(p -> String.valueOf(p.input("policy").orElse(""))).toList())
                        .ifPresent(problem -> found.add(Finding.of(this, run.stack(), policies.get(0), problem))));
            }
            return found.stream();
        }
    };

    static final List<PlanRule> RULES = List.of(ENDPOINT_POLICY_SIZE, TRUST_POLICY_SIZE, ROLE_INLINE_POLICIES_SIZE);
}
