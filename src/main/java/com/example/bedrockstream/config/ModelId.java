package com.example.bedrockstream.config;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A Bedrock model the ML function may call: a foundation-model id ({@code anthropic.claude-3-haiku-20240307-v1:0})
 * or a geographic inference-profile id ({@code us.anthropic.claude-3-5-sonnet-20241022-v2:0}).
 *
 * @param id                the id as configured and as callers send it
 * @param foundationModelId the model behind it
 * @param profileGeo        the inference profile's geography, empty for a foundation model
 */
public record ModelId(String id, String foundationModelId, Optional<String> profileGeo) {

    private static final Pattern FOUNDATION_MODEL =
            Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*\\.[a-z0-9][a-z0-9.-]*(:[0-9a-z]+){0,2}");

    static final String EXPECTED = "a foundation-model id such as anthropic.claude-3-haiku-20240307-v1:0 "
            + "or an inference-profile id such as us.anthropic.claude-3-5-sonnet-20241022-v2:0 "
            + "(profile geographies: " + String.join(", ", AwsRegions.INFERENCE_PROFILE_ROUTES.keySet().stream()
            .sorted().toList()) + ")";

    static Optional<ModelId> parse(String id) {
        int dot = id.indexOf('.');
        if (dot > 0 && AwsRegions.INFERENCE_PROFILE_ROUTES.containsKey(id.substring(0, dot))) {
            String model = id.substring(dot + 1);
            return FOUNDATION_MODEL.matcher(model).matches()
                    ? Optional.of(new ModelId(id, model, Optional.of(id.substring(0, dot))))
                    : Optional.empty();
        }
        return FOUNDATION_MODEL.matcher(id).matches()
                ? Optional.of(new ModelId(id, id, Optional.empty()))
                : Optional.empty();
    }

    public boolean isInferenceProfile() {
        return profileGeo.isPresent();
    }

    /** Regions a request for this model may be served in, starting from {@code region}. */
    public List<String> servingRegions(String region) {
        return profileGeo.map(AwsRegions.INFERENCE_PROFILE_ROUTES::get).orElse(List.of(region));
    }

    /**
     * Every ARN an IAM or endpoint policy must name to allow invoking this model from {@code region}:
     * foundation-model ARNs carry no account id; a profile also needs its own ARN in the caller's account.
     */
    public List<String> resourceArns(String region, String accountId) {
        var foundationArns = servingRegions(region).stream()
                .map(r -> "arn:aws:bedrock:" + r + "::foundation-model/" + foundationModelId);
        if (!isInferenceProfile()) {
            return foundationArns.toList();
        }
        String profileArn = "arn:aws:bedrock:" + region + ":" + accountId + ":inference-profile/" + id;
        return Stream.concat(Stream.of(profileArn), foundationArns).toList();
    }
}
