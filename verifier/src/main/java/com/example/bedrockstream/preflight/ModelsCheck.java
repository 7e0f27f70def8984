package com.example.bedrockstream.preflight;

import com.example.bedrockstream.domain.ModelId;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.bedrock.BedrockClient;
import software.amazon.awssdk.services.bedrock.model.FoundationModelLifecycleStatus;
import software.amazon.awssdk.services.bedrock.model.InferenceType;

import java.util.ArrayList;
import java.util.List;

/**
 * Each allowed model can be called by this account: it is Active (a Legacy model is closed to new customers), an
 * inference profile is active and so is its model in every destination region, and the account has the model's
 * agreement and entitlement. Without the agreement (Anthropic's first-time-use form and the Marketplace
 * subscription, which the function role rightly cannot make) every call ends in AccessDenied after a green `up`.
 */
final class ModelsCheck implements PreflightCheck {
    static final String NAME = "model ";

    @Override
    public List<CheckResult> run(PlannedStack stack, AwsClients aws) {
        var ml = stack.config().ml();
        if (ml.isEmpty()) {
            return List.of();
        }
        var results = new ArrayList<CheckResult>();
        for (ModelId model : ml.get().allowedModels()) {
            results.add(check(model, stack.region(), aws));
        }
        return results;
    }

    private static CheckResult check(ModelId model, String region, AwsClients aws) {
        String name = NAME + model.id();
        try (var bedrock = aws.bedrock(region)) {
            var problems = new ArrayList<String>();
            List<String> regions;
            if (model.isInferenceProfile()) {
                var profile = bedrock.getInferenceProfile(r -> r.inferenceProfileIdentifier(model.id()));
                if (!"ACTIVE".equals(profile.statusAsString())) {
                    problems.add("the inference profile is " + profile.statusAsString());
                }
                // arn:aws:bedrock:<region>::foundation-model/<id>
                regions = profile.models().stream().map(m -> m.modelArn().split(":")[3]).filter(r -> !r.isEmpty())
                        .distinct().toList();
            } else {
                regions = List.of(region);
            }
            for (String destination : regions) {
                problems.addAll(lifecycle(destination.equals(region) ? bedrock : null, aws, destination, model));
            }
            var availability = bedrock.getFoundationModelAvailability(r -> r.modelId(model.foundationModelId()));
            if (!"AVAILABLE".equals(availability.agreementAvailability().statusAsString())) {
                problems.add("no agreement for it in this account (" + availability.agreementAvailability().statusAsString() + ")");
            }
            if (!"AUTHORIZED".equals(availability.authorizationStatusAsString())) {
                problems.add("the account is not authorized for it (" + availability.authorizationStatusAsString() + ")");
            }
            if (!"AVAILABLE".equals(availability.entitlementAvailabilityAsString())) {
                problems.add("the account is not entitled to it (" + availability.entitlementAvailabilityAsString() + ")");
            }
            if (!"AVAILABLE".equals(availability.regionAvailabilityAsString())) {
                problems.add("it is not offered in " + region + " (" + availability.regionAvailabilityAsString() + ")");
            }
            String where = model.isInferenceProfile() ? "profile serving " + regions : region;
            if (problems.isEmpty()) {
                return CheckResult.pass(name, "Active, usable by the account (" + where + ")");
            }
            return CheckResult.fail(name, String.join("; ", problems) + " (" + where + ")", "replace it in"
                    + " allowedModelIds (and canaryModelId) with a model AWS lists as Active (Bedrock model lifecycle), or"
                    + " have someone allowed aws-marketplace:Subscribe open it once in this account: Bedrock console,"
                    + " Model catalog, the model, and for Anthropic the first-time-use form");
        } catch (SdkException e) {
            return CheckResult.fail(name, "Bedrock did not describe it: " + e.getMessage(), "check the id against the"
                    + " Bedrock model catalog of " + region + ", and allow the deploying credentials bedrock:GetFoundationModel,"
                    + " bedrock:GetInferenceProfile and bedrock:GetFoundationModelAvailability");
        }
    }

    /** The model in {@code destination}; {@code sameRegion} is the client already open there, if any. */
    private static List<String> lifecycle(BedrockClient sameRegion, AwsClients aws, String destination, ModelId model) {
        BedrockClient client = sameRegion != null ? sameRegion : aws.bedrock(destination);
        try {
            var details = client.getFoundationModel(r -> r.modelIdentifier(model.foundationModelId())).modelDetails();
            var problems = new ArrayList<String>();
            var status = details.modelLifecycle().status();
            if (status != FoundationModelLifecycleStatus.ACTIVE) {
                problems.add(model.foundationModelId() + " is " + details.modelLifecycle().statusAsString() + " in "
                        + destination);
            }
            if (!model.isInferenceProfile() && !details.inferenceTypesSupported().contains(InferenceType.ON_DEMAND)) {
                problems.add(model.foundationModelId() + " is not offered on demand in " + destination
                        + ": call it through an inference profile (e.g. us." + model.foundationModelId() + ")");
            }
            if (!Boolean.TRUE.equals(details.responseStreamingSupported())) {
                problems.add(model.foundationModelId() + " does not stream responses");
            }
            return problems;
        } finally {
            if (client != sameRegion) {
                client.close();
            }
        }
    }
}
