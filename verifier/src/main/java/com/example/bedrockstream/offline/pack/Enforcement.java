package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.rules.PlanRule;
import com.example.bedrockstream.offline.rules.PlanRules;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;

import java.util.Set;

/**
 * The level of each rule's findings unless the pack's config lowers it: mandatory stops `pulumi preview` and `up`,
 * advisory is shown and lets them go on. Mandatory: the perimeter (design:), and whatever AWS or its provider would
 * refuse anyway halfway through `pulumi up` (provider:, aws-api:). Checkov checks by family: those that keep the
 * stacks off the internet or narrow who may act are mandatory, as the perimeter stands on them; the hardening
 * ones (encryption with the stack's own keys, retention, records, descriptions, limits) are advisory, as a user may
 * deliberately differ, say a short-lived test stack without a trail or on AWS-managed keys.
 */
final class Enforcement {
    private Enforcement() {
    }

    /** The Checkov checks of the isolation family, mandatory: declared with the Checkov rules. */
    static final Set<String> CHECKOV_ISOLATION = PlanRules.CHECKOV_ISOLATION;

    static EnforcementLevel of(PlanRule rule) {
        return switch (rule.source().kind()) {
            case PROVIDER, AWS_API, DESIGN -> EnforcementLevel.MANDATORY;
            case CHECKOV -> CHECKOV_ISOLATION.contains(rule.id()) ? EnforcementLevel.MANDATORY
                    : EnforcementLevel.ADVISORY;
        };
    }
}
