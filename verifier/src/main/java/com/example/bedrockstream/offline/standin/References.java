package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.CloudModel;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The other resources a resource's inputs name, found by the shapes of the ids and ARNs {@link CloudModel} hands
 * out and by the inputs that take a name.
 */
final class References {
    /**
     * Inputs AWS stores without resolving what they hold: tags, a function's environment, a trail's event filters,
     * an alias target (AWS's own zones). JSON documents (policies, dashboards) are never resolved either: an ARN
     * inside one is part of a longer string, and only whole values are matched.
     */
    private static final Set<String> NOT_RESOLVED =
            Set.of("tags", "tagsAll", "environment", "advancedEventSelectors", "eventSelectors", "aliases");
    /** The inputs that name a resource by its name rather than its id or ARN. */
    private static final Map<String, Reference.Kind> NAME_INPUTS = Map.of(
            "role", Reference.Kind.ROLE_NAME,
            "bucket", Reference.Kind.BUCKET_NAME,
            "s3BucketName", Reference.Kind.BUCKET_NAME,
            "function", Reference.Kind.FUNCTION_NAME,
            "functionName", Reference.Kind.FUNCTION_NAME,
            "lifecycleConfigName", Reference.Kind.NOTEBOOK_LIFECYCLE_CONFIG_NAME);
    /** ARNs of things a stack creates: in an account (AWS-managed policies say "aws"), or an S3 bucket. */
    private static final Pattern CREATED_ARN = Pattern.compile("arn:aws[a-z-]*:([^:]+:[^:]*:\\d{12}:.+|s3:::[^/]+)");

    private References() {
    }

    /** @param inputs plain inputs, secrets unwrapped */
    static List<Reference> in(String type, Map<String, Object> inputs) {
        var found = new LinkedHashSet<Reference>();
        inputs.forEach((key, value) -> collect(type, key, value, found));
        return new ArrayList<>(found);
    }

    private static void collect(String type, String key, Object value, Set<Reference> found) {
        if (NOT_RESOLVED.contains(key) || Values.isAssetOrArchive(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((inner, element) -> collect(type, String.valueOf(inner), element, found));
        } else if (value instanceof List<?> list) {
            list.forEach(element -> collect(type, key, element, found));
        } else if (value instanceof String text) {
            Reference.Kind kind = kindOf(type, key, text);
            if (kind != null) {
                found.add(new Reference(key, text, kind));
            }
        }
    }

    private static Reference.Kind kindOf(String type, String key, String text) {
        if (text.startsWith("arn:")) {
            return CREATED_ARN.matcher(text).matches() ? Reference.Kind.ARN : null;
        }
        if (CloudModel.GENERATED_ID.matcher(text).matches()) {
            return Reference.Kind.RESOURCE_ID;
        }
        if (key.endsWith("ZoneId") || key.equals("zoneId")) {
            return CloudModel.HOSTED_ZONE_ID.matcher(text).matches() ? Reference.Kind.HOSTED_ZONE_ID : null;
        }
        if (key.endsWith("KeyId")) {
            return CloudModel.KMS_KEY_ID.matcher(text).matches() ? Reference.Kind.KMS_KEY_ID : null;
        }
        Reference.Kind byName = NAME_INPUTS.get(key);
        return byName != null && !byName.namedTypes.contains(type) && !text.isBlank() ? byName : null;
    }
}
