package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * One stack's last deployment as a file backend keeps it (.pulumi/stacks/&lt;project&gt;/&lt;stack&gt;.json), read
 * into the rules' model as an {@link OfflineRun}: each resource with its inputs and the outputs AWS answered with,
 * the root stack's outputs as the exports. A secret is opened with the passphrase when there is one; otherwise it is
 * an {@link Unknown} a rule or hop that reads it cannot judge.
 */
final class Checkpoint {
    private static final Pattern DEFAULT_PROVIDER = Pattern.compile(".*::default(_[^:]*)?::[^:]*$");

    private final String stack;
    private final Optional<String> passphrase;
    private final SecretTexts secrets;
    private Supplier<PassphraseSecrets> opener;
    private String cannotOpen;

    private Checkpoint(String stack, Optional<String> passphrase, SecretTexts secrets) {
        this.stack = stack;
        this.passphrase = passphrase;
        this.secrets = secrets;
    }

    /** @param json the checkpoint file's text */
    static OfflineRun read(String stack, String json, Optional<String> passphrase, SecretTexts secrets) {
        return new Checkpoint(stack, passphrase, secrets).run(JsonParser.parseString(json).getAsJsonObject());
    }

    private OfflineRun run(JsonObject file) {
        JsonObject latest = object(object(file, "checkpoint"), "latest");
        prepareSecrets(object(latest, "secrets_providers"));
        var resources = new ArrayList<MockResource>();
        Map<String, Object> outputs = Map.of();
        Set<String> secretOutputs = new LinkedHashSet<>();
        JsonElement all = latest.get("resources");
        for (JsonElement element : all == null || !all.isJsonArray() ? List.<JsonElement>of() : all.getAsJsonArray().asList()) {
            JsonObject resource = element.getAsJsonObject();
            if (resource.has("delete") && resource.get("delete").getAsBoolean()) {
                continue; // kept only until a replacement's old copy is deleted
            }
            String type = resource.get("type").getAsString();
            String urn = resource.get("urn").getAsString();
            String name = urn.substring(urn.lastIndexOf("::") + 2);
            String where = stack + " " + MockResource.shortType(type) + " " + name;
            var state = new LinkedHashMap<String, Object>();
            JsonObject rawOutputs = object(resource, "outputs");
            rawOutputs.entrySet().forEach(e -> state.put(e.getKey(), value(e.getValue(), where + " " + e.getKey())));
            if (type.equals(EngineResource.ROOT_STACK)) {
                outputs = new GuardedMap(state);
                rawOutputs.entrySet().stream().filter(e -> isSecret(e.getValue())).forEach(e -> secretOutputs.add(e.getKey()));
                continue;
            }
            if (!state.containsKey("id") && resource.has("id")) {
                state.put("id", resource.get("id").getAsString());
            }
            var inputs = new LinkedHashMap<String, Object>();
            object(resource, "inputs").entrySet().forEach(e -> inputs.put(e.getKey(), value(e.getValue(), where + " " + e.getKey())));
            Optional<String> provider = Optional.ofNullable(resource.get("provider")).map(JsonElement::getAsString)
                    .filter(reference -> !reference.isEmpty() && !DEFAULT_PROVIDER.matcher(reference).matches());
            Optional<String> version = type.startsWith("pulumi:providers:") && inputs.get("version") instanceof String v
                    ? Optional.of(v) : Optional.empty();
            resources.add(new MockResource(type, name, new GuardedMap(inputs), new GuardedMap(state), provider, version,
                    List.of(), List.of()));
        }
        return new OfflineRun(stack, resources, outputs, secretOutputs, List.of());
    }

    private void prepareSecrets(JsonObject provider) {
        String type = provider.has("type") ? provider.get("type").getAsString() : "none";
        JsonObject state = object(provider, "state");
        if (!type.equals("passphrase") || !state.has("salt")) {
            cannotOpen = "its secrets provider is " + type + ", which the pack cannot open";
        } else if (passphrase.isEmpty()) {
            cannotOpen = "no PULUMI_CONFIG_PASSPHRASE (or _FILE) to open its secrets";
        } else {
            var salt = state.get("salt").getAsString();
            opener = new Supplier<>() {
                private PassphraseSecrets opened;

                @Override
                public synchronized PassphraseSecrets get() {
                    if (opened == null) {
                        opened = new PassphraseSecrets(passphrase.get(), salt);
                    }
                    return opened;
                }
            };
        }
    }

    private Object value(JsonElement element, String where) {
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (element.isJsonPrimitive()) {
            var primitive = element.getAsJsonPrimitive();
            return primitive.isNumber() ? (Object) primitive.getAsDouble()
                    : primitive.isBoolean() ? (Object) primitive.getAsBoolean() : primitive.getAsString();
        }
        if (element.isJsonArray()) {
            var items = new ArrayList<Object>();
            var array = element.getAsJsonArray();
            for (int i = 0; i < array.size(); i++) {
                items.add(value(array.get(i), where + "[" + i + "]"));
            }
            return new GuardedList(items);
        }
        JsonObject object = element.getAsJsonObject();
        if (isSecret(element)) {
            return secret(object, where);
        }
        var values = new LinkedHashMap<String, Object>();
        object.entrySet().forEach(e -> values.put(e.getKey(), value(e.getValue(), where + "." + e.getKey())));
        return new GuardedMap(values);
    }

    private Object secret(JsonObject secret, String where) {
        String plaintext;
        if (secret.has("plaintext")) {
            plaintext = secret.get("plaintext").getAsString();
        } else if (opener == null) {
            return new Unknown(where + ", a secret of stack " + stack + ": " + cannotOpen);
        } else {
            try {
                plaintext = opener.get().decrypt(secret.get("ciphertext").getAsString());
            } catch (GeneralSecurityException e) {
                return new Unknown(where + ", a secret of stack " + stack + " the passphrase does not open");
            }
        }
        Object value = value(JsonParser.parseString(plaintext), where);
        secrets.add(value);
        return value;
    }

    private static boolean isSecret(JsonElement element) {
        return element.isJsonObject() && element.getAsJsonObject().has(EngineValues.SIGNATURE_KEY)
                && EngineValues.SECRET_SIGNATURE.equals(element.getAsJsonObject().get(EngineValues.SIGNATURE_KEY).getAsString());
    }

    private static JsonObject object(JsonObject parent, String key) {
        JsonElement child = parent == null ? null : parent.get(key);
        return child != null && child.isJsonObject() ? child.getAsJsonObject() : new JsonObject();
    }
}
