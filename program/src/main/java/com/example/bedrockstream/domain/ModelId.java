package com.example.bedrockstream.domain;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Bedrock model the ML function may call: a foundation-model id ({@code anthropic.claude-3-haiku-20240307-v1:0}),
 * a geographic inference-profile id ({@code us.anthropic.claude-3-5-sonnet-20241022-v2:0}) or a global one
 * ({@code global.anthropic.claude-sonnet-4-20250514-v1:0}).
 *
 * @param id                the id as configured and as callers send it
 * @param foundationModelId the model behind it
 * @param profileGeo        the inference profile's geography ({@code us}, ..., {@code global}), empty for a
 *                          foundation model
 */
public record ModelId(String id, String foundationModelId, Optional<String> profileGeo) {

    private static final Pattern FOUNDATION_MODEL =
            Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9][a-z0-9.-]*(:[0-9a-z]+){0,2}");

    /**
     * {@code <geography>.<provider>.<model>}: an inference-profile id. Foundation-model ids never look like this
     * (the provider is followed by a model name with a hyphen before any dot), so an id of this shape whose
     * prefix is not a known geography is a profile we do not know, not a foundation model.
     */
    private static final Pattern PROFILE_SHAPED = Pattern.compile("[a-z]+(-[a-z]+)?\\.[a-z][a-z0-9]*\\.[a-z].*");

    public static final String EXPECTED = "a foundation-model id such as anthropic.claude-3-haiku-20240307-v1:0 "
            + "or an inference-profile id such as us.anthropic.claude-3-5-sonnet-20241022-v2:0 "
            + "(profile geographies: " + String.join(", ", Stream.concat(
                    AwsRegions.INFERENCE_PROFILE_ROUTES.keySet().stream(), Stream.of(AwsRegions.GLOBAL_PROFILE))
            .sorted().toList()) + ")";

    public static Optional<ModelId> parse(String id) {
        int dot = id.indexOf('.');
        if (dot > 0 && isGeography(id.substring(0, dot))) {
            String model = id.substring(dot + 1);
            return FOUNDATION_MODEL.matcher(model).matches()
                    ? Optional.of(new ModelId(id, model, Optional.of(id.substring(0, dot))))
                    : Optional.empty();
        }
        return FOUNDATION_MODEL.matcher(id).matches() && !PROFILE_SHAPED.matcher(id).matches()
                ? Optional.of(new ModelId(id, id, Optional.empty()))
                : Optional.empty();
    }

    private static boolean isGeography(String prefix) {
        return AwsRegions.INFERENCE_PROFILE_ROUTES.containsKey(prefix) || AwsRegions.GLOBAL_PROFILE.equals(prefix);
    }

    public boolean isInferenceProfile() {
        return profileGeo.isPresent();
    }

    private boolean isGlobal() {
        return profileGeo.filter(AwsRegions.GLOBAL_PROFILE::equals).isPresent();
    }

    /**
     * Regions this model can be invoked from, as seen from {@code region}: the region itself for a foundation
     * model, the geography's regions for a geographic profile, and for a global profile the region itself when it
     * is a commercial one (global profiles do not exist in GovCloud).
     */
    public List<String> servingRegions(String region) {
        if (isGlobal()) {
            return AwsRegions.partition(region).equals("aws") ? List.of(region) : List.of();
        }
        return profileGeo.map(AwsRegions.INFERENCE_PROFILE_ROUTES::get).orElse(List.of(region));
    }

    /**
     * Every ARN an IAM or endpoint policy must name to allow invoking this model from {@code region}:
     * foundation-model ARNs carry no account id; a profile also needs its own ARN in the caller's account.
     * <ul>
     * <li>geographic profile: the profile in {@code region} and the model in every region of the geography
     *     (https://docs.aws.amazon.com/bedrock/latest/userguide/geographic-cross-region-inference.html);</li>
     * <li>global profile: the profile in {@code region}, the model in {@code region}, and the region-less
     *     {@code arn:aws:bedrock:::foundation-model/<model>} that stands for every destination
     *     (https://docs.aws.amazon.com/bedrock/latest/userguide/global-cross-region-inference.html,
     *     "IAM policy requirements for global cross-Region inference").</li>
     * </ul>
     */
    public List<String> resourceArns(String region, String accountId) {
        if (!isInferenceProfile()) {
            return List.of(foundationModelArn(region));
        }
        String profileArn = "arn:" + AwsRegions.partition(region) + ":bedrock:" + region + ":" + accountId
                + ":inference-profile/" + id;
        List<String> destinations = isGlobal() ? List.of(region, "") : servingRegions(region);
        return Stream.concat(Stream.of(profileArn), destinations.stream().map(this::foundationModelArn)).toList();
    }

    /** The ARNs every policy that allows {@code models} names, each once. */
    public static List<String> resourceArns(List<ModelId> models, String region, String accountId) {
        return models.stream().flatMap(m -> m.resourceArns(region, accountId).stream()).distinct().toList();
    }

    private String foundationModelArn(String region) {
        String partition = region.isEmpty() ? "aws" : AwsRegions.partition(region);
        return "arn:" + partition + ":bedrock:" + region + "::foundation-model/" + foundationModelId;
    }
}
