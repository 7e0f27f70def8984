package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.ConfigProblem;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import com.google.gson.JsonSyntaxException;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleArgs;
import com.pulumi.aws.inputs.ProviderAssumeRoleWithWebIdentityArgs;
import com.pulumi.aws.inputs.ProviderDefaultTagsArgs;
import com.pulumi.aws.inputs.ProviderIgnoreTagsArgs;
import com.pulumi.core.Output;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiConsumer;

/**
 * The stack's {@code aws:} provider settings. The Pulumi CLI applies them to the default provider only; every
 * explicit provider the program creates is given the same settings from here (region aside), so a profile, an
 * assumed role, default tags or an account pin in the stack file hold for every resource.
 *
 * @param region            the stack's region
 * @param allowedAccountIds the account pin, which must name exactly the stack's {@code accountId}
 * @param settings          every provider setting the stack file sets, ready to be copied into an explicit provider
 */
public record AwsProviderConfig(String region, List<String> allowedAccountIds, ProviderArgs settings) {
    static final String ALLOWED_ACCOUNT_IDS = "aws:allowedAccountIds";
    /** Provider settings that cannot be carried over: explicit providers would silently differ. */
    private static final Map<String, String> NOT_CARRIED = Map.of(
            "endpoints", "no custom service endpoints: explicit providers of this program cannot carry them");

    /** A provider key, how its value is read, and where it goes in {@link ProviderArgs}. */
    private record Key(String name, Kind kind, BiConsumer<ProviderArgs.Builder, Output<?>> apply) {
    }

    private enum Kind { STRING, BOOLEAN, INTEGER, STRING_LIST, TAGS, IGNORE_TAGS, ASSUME_ROLE, WEB_IDENTITY }

    @SuppressWarnings("unchecked")
    private static <T> Output<T> cast(Output<?> value) {
        return (Output<T>) value;
    }

    private static final List<Key> KEYS = List.of(
            new Key("profile", Kind.STRING, (b, v) -> b.profile(cast(v))),
            new Key("allowedAccountIds", Kind.STRING_LIST, (b, v) -> b.allowedAccountIds(cast(v))),
            new Key("forbiddenAccountIds", Kind.STRING_LIST, (b, v) -> b.forbiddenAccountIds(cast(v))),
            new Key("defaultTags", Kind.TAGS, (b, v) -> b.defaultTags(cast(v))),
            new Key("ignoreTags", Kind.IGNORE_TAGS, (b, v) -> b.ignoreTags(cast(v))),
            new Key("assumeRole", Kind.ASSUME_ROLE, (b, v) -> b.assumeRole(cast(v))),
            new Key("assumeRoleWithWebIdentity", Kind.WEB_IDENTITY, (b, v) -> b.assumeRoleWithWebIdentity(cast(v))),
            new Key("sharedConfigFiles", Kind.STRING_LIST, (b, v) -> b.sharedConfigFiles(cast(v))),
            new Key("sharedCredentialsFiles", Kind.STRING_LIST, (b, v) -> b.sharedCredentialsFiles(cast(v))),
            new Key("accessKey", Kind.STRING, (b, v) -> b.accessKey(cast(v))),
            new Key("secretKey", Kind.STRING, (b, v) -> b.secretKey(cast(v))),
            new Key("token", Kind.STRING, (b, v) -> b.token(cast(v))),
            new Key("stsRegion", Kind.STRING, (b, v) -> b.stsRegion(cast(v))),
            new Key("retryMode", Kind.STRING, (b, v) -> b.retryMode(cast(v))),
            new Key("maxRetries", Kind.INTEGER, (b, v) -> b.maxRetries(cast(v))),
            new Key("tokenBucketRateLimiterCapacity", Kind.INTEGER, (b, v) -> b.tokenBucketRateLimiterCapacity(cast(v))),
            new Key("customCaBundle", Kind.STRING, (b, v) -> b.customCaBundle(cast(v))),
            new Key("ec2MetadataServiceEndpoint", Kind.STRING, (b, v) -> b.ec2MetadataServiceEndpoint(cast(v))),
            new Key("ec2MetadataServiceEndpointMode", Kind.STRING, (b, v) -> b.ec2MetadataServiceEndpointMode(cast(v))),
            new Key("httpProxy", Kind.STRING, (b, v) -> b.httpProxy(cast(v))),
            new Key("httpsProxy", Kind.STRING, (b, v) -> b.httpsProxy(cast(v))),
            new Key("noProxy", Kind.STRING, (b, v) -> b.noProxy(cast(v))),
            new Key("insecure", Kind.BOOLEAN, (b, v) -> b.insecure(cast(v))),
            new Key("s3UsePathStyle", Kind.BOOLEAN, (b, v) -> b.s3UsePathStyle(cast(v))),
            new Key("s3UsEast1RegionalEndpoint", Kind.STRING, (b, v) -> b.s3UsEast1RegionalEndpoint(cast(v))),
            new Key("skipCredentialsValidation", Kind.BOOLEAN, (b, v) -> b.skipCredentialsValidation(cast(v))),
            new Key("skipMetadataApiCheck", Kind.BOOLEAN, (b, v) -> b.skipMetadataApiCheck(cast(v))),
            new Key("skipRegionValidation", Kind.BOOLEAN, (b, v) -> b.skipRegionValidation(cast(v))),
            new Key("skipRequestingAccountId", Kind.BOOLEAN, (b, v) -> b.skipRequestingAccountId(cast(v))),
            new Key("useDualstackEndpoint", Kind.BOOLEAN, (b, v) -> b.useDualstackEndpoint(cast(v))),
            new Key("useFipsEndpoint", Kind.BOOLEAN, (b, v) -> b.useFipsEndpoint(cast(v))));

    /** Every {@code aws:} key this program knows: the region, the settings it carries, and the ones it refuses. */
    static final Set<String> KNOWN_KEYS = knownKeys();

    private static Set<String> knownKeys() {
        var known = new TreeSet<String>();
        known.add("region");
        KEYS.forEach(k -> known.add(k.name()));
        known.addAll(NOT_CARRIED.keySet());
        return Collections.unmodifiableSet(known);
    }

    private static final Set<String> ASSUME_ROLE_FIELDS = Set.of("roleArn", "sessionName", "externalId", "duration",
            "policy", "policyArns", "tags", "transitiveTagKeys", "sourceIdentity");
    private static final Set<String> WEB_IDENTITY_FIELDS = Set.of("roleArn", "sessionName", "webIdentityToken",
            "webIdentityTokenFile", "duration", "policy", "policyArns");
    private static final Set<String> IGNORE_TAGS_FIELDS = Set.of("keys", "keyPrefixes");

    /** Reads every provider setting; bad ones are recorded in {@code in}. */
    static Optional<AwsProviderConfig> parse(ConfigReader in, Optional<String> region, Optional<String> accountId) {
        int before = in.problems().size();
        NOT_CARRIED.forEach((key, expected) -> in.raw("aws:" + key).ifPresent(v -> in.badValue("aws:" + key, v, expected)));
        var builder = ProviderArgs.builder();
        for (Key key : KEYS) {
            String fullKey = "aws:" + key.name();
            in.raw(fullKey).flatMap(raw -> value(in, fullKey, key.kind(), raw)).ifPresent(value ->
                    key.apply().accept(builder, in.storedAsSecret(fullKey) ? Output.ofSecret(value) : Output.of(value)));
        }
        var pin = accountPin(in, accountId);
        if (in.problems().size() > before || region.isEmpty() || pin.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new AwsProviderConfig(region.get(), pin.get(), builder.build()));
    }

    /** The stack's account is named once, by {@code accountId}; the provider's pin must say the same. */
    private static Optional<List<String>> accountPin(ConfigReader in, Optional<String> accountId) {
        String expected = "exactly the stack's accountId" + accountId.map(a -> ", [\"" + a + "\"]").orElse("")
                + ", so `pulumi up` with another account's credentials stops before creating anything";
        var pin = in.stringList(ALLOWED_ACCOUNT_IDS, expected);
        if (pin.isEmpty()) {
            return Optional.empty();
        }
        if (pin.get().isEmpty()) {
            in.problem(ALLOWED_ACCOUNT_IDS, ConfigProblem.MISSING, expected);
            return Optional.empty();
        }
        if (accountId.isPresent() && !pin.get().equals(List.of(accountId.get()))) {
            in.problem(ALLOWED_ACCOUNT_IDS, pin.get().toString(), expected);
            return Optional.empty();
        }
        return pin;
    }

    private static Optional<Object> value(ConfigReader in, String fullKey, Kind kind, String raw) {
        try {
            Object value = switch (kind) {
                case STRING -> raw;
                case BOOLEAN -> bool(raw);
                case INTEGER -> integer(raw);
                case STRING_LIST -> strings(JsonParser.parseString(raw));
                case TAGS -> ProviderDefaultTagsArgs.builder().tags(stringMap(object(raw, Set.of("tags")).get("tags"))).build();
                case IGNORE_TAGS -> ignoreTags(object(raw, IGNORE_TAGS_FIELDS));
                case ASSUME_ROLE -> assumeRole(object(raw, ASSUME_ROLE_FIELDS));
                case WEB_IDENTITY -> webIdentity(object(raw, WEB_IDENTITY_FIELDS));
            };
            return Optional.of(value);
        } catch (IllegalArgumentException | IllegalStateException | UnsupportedOperationException | JsonSyntaxException e) {
            String shown = in.storedAsSecret(fullKey) ? ConfigProblem.REDACTED : ConfigReader.quote(raw);
            in.problem(fullKey, shown, expected(kind) + (e.getMessage() == null || kind == Kind.INTEGER || kind == Kind.BOOLEAN
                    ? "" : " (" + e.getMessage() + ")"));
            return Optional.empty();
        }
    }

    private static String expected(Kind kind) {
        return switch (kind) {
            case STRING -> "a string";
            case BOOLEAN -> "true or false";
            case INTEGER -> "a whole number";
            case STRING_LIST -> "a list of strings";
            case TAGS -> "an object {tags: {key: value}}";
            case IGNORE_TAGS -> "an object with keys and/or keyPrefixes";
            case ASSUME_ROLE -> "an object with " + ASSUME_ROLE_FIELDS.stream().sorted().toList();
            case WEB_IDENTITY -> "an object with " + WEB_IDENTITY_FIELDS.stream().sorted().toList();
        };
    }

    private static Integer integer(String raw) {
        try {
            return Integer.valueOf(raw.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not a whole number");
        }
    }

    private static Boolean bool(String raw) {
        return switch (raw.trim()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("not a boolean");
        };
    }

    private static JsonObject object(String raw, Set<String> fields) {
        JsonObject object = JsonParser.parseString(raw).getAsJsonObject();
        var unknown = object.keySet().stream().filter(k -> !fields.contains(k)).sorted().toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown field" + (unknown.size() == 1 ? " " : "s ") + unknown);
        }
        return object;
    }

    private static List<String> strings(JsonElement element) {
        var out = new ArrayList<String>();
        element.getAsJsonArray().forEach(e -> out.add(primitive(e).getAsString()));
        return out;
    }

    private static Map<String, String> stringMap(JsonElement element) {
        var out = new LinkedHashMap<String, String>();
        if (element != null) {
            element.getAsJsonObject().entrySet().forEach(e -> out.put(e.getKey(), primitive(e.getValue()).getAsString()));
        }
        return out;
    }

    private static JsonPrimitive primitive(JsonElement element) {
        if (!element.isJsonPrimitive()) {
            throw new IllegalArgumentException("expected a string, got " + element);
        }
        return element.getAsJsonPrimitive();
    }

    private static Optional<String> text(JsonObject object, String field) {
        return Optional.ofNullable(object.get(field)).map(e -> primitive(e).getAsString());
    }

    private static Optional<List<String>> list(JsonObject object, String field) {
        return Optional.ofNullable(object.get(field)).map(AwsProviderConfig::strings);
    }

    private static ProviderIgnoreTagsArgs ignoreTags(JsonObject o) {
        var b = ProviderIgnoreTagsArgs.builder();
        list(o, "keys").ifPresent(b::keys);
        list(o, "keyPrefixes").ifPresent(b::keyPrefixes);
        return b.build();
    }

    private static ProviderAssumeRoleArgs assumeRole(JsonObject o) {
        var b = ProviderAssumeRoleArgs.builder();
        text(o, "roleArn").ifPresent(b::roleArn);
        text(o, "sessionName").ifPresent(b::sessionName);
        text(o, "externalId").ifPresent(b::externalId);
        text(o, "duration").ifPresent(b::duration);
        text(o, "policy").ifPresent(b::policy);
        list(o, "policyArns").ifPresent(b::policyArns);
        Optional.ofNullable(o.get("tags")).map(AwsProviderConfig::stringMap).ifPresent(b::tags);
        list(o, "transitiveTagKeys").ifPresent(b::transitiveTagKeys);
        text(o, "sourceIdentity").ifPresent(b::sourceIdentity);
        return b.build();
    }

    private static ProviderAssumeRoleWithWebIdentityArgs webIdentity(JsonObject o) {
        var b = ProviderAssumeRoleWithWebIdentityArgs.builder();
        text(o, "roleArn").ifPresent(b::roleArn);
        text(o, "sessionName").ifPresent(b::sessionName);
        text(o, "webIdentityToken").ifPresent(b::webIdentityToken);
        text(o, "webIdentityTokenFile").ifPresent(b::webIdentityTokenFile);
        text(o, "duration").ifPresent(b::duration);
        text(o, "policy").ifPresent(b::policy);
        list(o, "policyArns").ifPresent(b::policyArns);
        return b.build();
    }
}
