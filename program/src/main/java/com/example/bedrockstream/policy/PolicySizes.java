package com.example.bedrockstream.policy;

import java.util.Collection;
import java.util.Optional;

/**
 * AWS's size quotas for the documents this project writes. AWS refuses a larger document at {@code pulumi up},
 * after part of the stack exists, so the program checks them before registering anything.
 */
public final class PolicySizes {
    /** VPC endpoint policy, whitespace included (AWS PrivateLink quotas). */
    public static final int ENDPOINT_POLICY_MAX = 20_480;
    /** Role trust policy, the default quota (IAM and STS quotas; whitespace not counted). */
    public static final int TRUST_POLICY_MAX = 2_048;
    /** All inline policies of one role together (IAM and STS quotas; whitespace not counted). */
    public static final int ROLE_INLINE_POLICIES_MAX = 10_240;

    private PolicySizes() {
    }

    /** Characters IAM counts against its policy size quotas: IAM does not count whitespace. */
    public static int iamCharacters(String json) {
        return (int) json.chars().filter(c -> !Character.isWhitespace(c)).count();
    }

    /**
     * {@code what} (e.g. "the bedrock-runtime endpoint policy") when its JSON is over its quota, else empty. The
     * program checks the documents it builds and the offline checks the rendered ones, with these same rules.
     */
    public static Optional<String> endpointPolicy(String what, String json) {
        return over(what, json.length(), ENDPOINT_POLICY_MAX, "VPC endpoint policy, whitespace included");
    }

    public static Optional<String> trustPolicy(String what, String json) {
        return over(what, iamCharacters(json), TRUST_POLICY_MAX, "role trust policy, default quota, whitespace not counted");
    }

    public static Optional<String> inlinePolicies(String what, Collection<String> jsons) {
        return over(what, jsons.stream().mapToInt(PolicySizes::iamCharacters).sum(), ROLE_INLINE_POLICIES_MAX,
                "all inline policies of one role together, whitespace not counted");
    }

    private static Optional<String> over(String what, int size, int limit, String which) {
        return size <= limit ? Optional.empty()
                : Optional.of(what + " would be " + size + " characters, over the limit of " + limit + " (" + which + ")");
    }
}
