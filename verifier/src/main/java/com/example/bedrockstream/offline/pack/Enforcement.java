package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.rules.PlanRule;
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

    /** The Checkov checks of the isolation family, mandatory. */
    static final Set<String> CHECKOV_ISOLATION = Set.of(
            // Off the internet: functions and notebooks in the stack's private subnets, no public IP, no direct
            // internet access, no attachment accepted unasked, a default security group that admits nothing.
            "checkov:CKV_AWS_117", "checkov:CKV_AWS_130", "checkov:CKV_AWS_122", "checkov:CKV_AWS_306",
            "checkov:CKV_AWS_331", "checkov:CKV2_AWS_12",
            // Who may act: no role for anyone, no whole-account trust, no "*" actions, no key for anyone.
            "checkov:CKV_AWS_60", "checkov:CKV_AWS_61", "checkov:CKV_AWS_62", "checkov:CKV_AWS_63",
            "checkov:CKV_AWS_33",
            // No public bucket.
            "checkov:CKV2_AWS_6", "checkov:CKV_AWS_53", "checkov:CKV_AWS_54", "checkov:CKV_AWS_55",
            "checkov:CKV_AWS_56");

    static EnforcementLevel of(PlanRule rule) {
        return switch (rule.source().kind()) {
            case PROVIDER, AWS_API, DESIGN -> EnforcementLevel.MANDATORY;
            case CHECKOV -> CHECKOV_ISOLATION.contains(rule.id()) ? EnforcementLevel.MANDATORY
                    : EnforcementLevel.ADVISORY;
        };
    }
}
