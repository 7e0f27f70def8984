package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.Sha256;
import com.google.gson.GsonBuilder;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A file backend (PULUMI_BACKEND_URL=file://&lt;dir&gt;) holding stacks as `pulumi up` leaves them, written from
 * offline runs: one checkpoint per stack under .pulumi/stacks/bedrock-stream/, each resource with its inputs and the
 * mock cloud's state as outputs, the stack's exports on the root stack resource. With a passphrase the secret exports
 * are encrypted as the passphrase secrets provider does it; without one they are written as plain values.
 */
final class FileBackend {
    static final String PASSPHRASE = "the policy pack test passphrase";
    private static final byte[] SALT = "pack-tst".getBytes(StandardCharsets.UTF_8);
    private static final String CLI_VERSION = "v3.259.0";
    /**
     * PBKDF2-HMAC-SHA256 of {@link #PASSPHRASE} and {@link #SALT}, 1,000,000 rounds, 32 bytes, as the CLI derives it;
     * computed once outside Java (Python's hashlib.pbkdf2_hmac), so the pack's own derivation is checked against
     * another implementation and the tests do not spend seconds deriving it again.
     */
    private static final SecretKeySpec KEY = new SecretKeySpec(HexFormat.of().parseHex(
            "74d73fe3685f506d05a870c5f27275fcc1e376fffc488a1061c1bb1f519046a7"), "AES");

    private FileBackend() {
    }

    /** The environment the engine would start the pack with: this backend, and the passphrase when encrypted. */
    static Map<String, String> env(Path dir, boolean encrypted) {
        return encrypted ? Map.of("PULUMI_BACKEND_URL", "file://" + dir, "PULUMI_CONFIG_PASSPHRASE", PASSPHRASE,
                "HOME", dir.toString()) : Map.of("PULUMI_BACKEND_URL", "file://" + dir, "HOME", dir.toString());
    }

    static void write(Path dir, List<OfflineRun> runs, boolean encrypted) throws IOException {
        Path stacks = Files.createDirectories(dir.resolve(".pulumi/stacks/" + EngineRequests.PROJECT));
        Files.writeString(dir.resolve(".pulumi/meta.yaml"), "version: 1\n");
        try (var old = Files.list(stacks)) {
            for (Path file : old.toList()) {
                Files.delete(file);
            }
        }
        for (OfflineRun run : runs) {
            Files.writeString(stacks.resolve(run.stack() + ".json"), checkpoint(run, encrypted));
        }
    }

    private static String checkpoint(OfflineRun run, boolean encrypted) {
        String stack = run.stack();
        String root = EngineRequests.urn(stack, EngineRequests.ROOT_STACK, EngineRequests.PROJECT + "-" + stack);
        var resources = new ArrayList<Map<String, Object>>();
        var outputs = new LinkedHashMap<String, Object>();
        run.outputs().forEach((name, value) -> outputs.put(name,
                run.secretOutputs().contains(name) && encrypted ? secret(value) : value));
        resources.add(entry(root, EngineRequests.ROOT_STACK, false, null, Map.of(), outputs, null, null));
        MockResource defaultProvider = EngineRequests.defaultProvider(stack);
        String defaultReference = EngineRequests.urn(stack, defaultProvider.type(), defaultProvider.name()) + "::"
                + defaultProvider.state().get("id");
        resources.add(entry(EngineRequests.urn(stack, defaultProvider.type(), defaultProvider.name()),
                defaultProvider.type(), true, "default-provider-id", defaultProvider.inputs(), defaultProvider.inputs(),
                root, null));
        // Providers before the resources created through them, as the engine writes them.
        var ordered = new ArrayList<MockResource>(run.ofType(MockResource.PROVIDER_TYPE));
        run.resources().stream().filter(r -> !r.type().equals(MockResource.PROVIDER_TYPE)).forEach(ordered::add);
        for (MockResource resource : ordered) {
            if (resource.type().equals("pulumi:pulumi:StackReference")) {
                continue; // read through the builtin pulumi provider; nothing the rules or proofs read
            }
            boolean custom = resource.type().startsWith("aws:") || resource.type().startsWith("pulumi:providers:");
            String provider = !custom || resource.type().startsWith("pulumi:providers:") ? null
                    : run.explicitProvider(resource).map(p -> EngineRequests.urn(stack, p.type(), p.name()) + "::"
                    + p.state().get("id")).orElse(defaultReference);
            resources.add(entry(EngineRequests.urn(stack, resource.type(), resource.name()), resource.type(), custom,
                    custom ? String.valueOf(resource.state().get("id")) : null, EngineRequests.inputs(resource),
                    resource.state(),
                    root, provider));
        }
        var latest = new LinkedHashMap<String, Object>();
        latest.put("manifest", Map.of("time", "2026-01-01T00:00:00Z", "magic", magic(CLI_VERSION), "version", CLI_VERSION));
        if (encrypted) {
            latest.put("secrets_providers", Map.of("type", "passphrase", "state", Map.of("salt", "v1:"
                    + Base64.getEncoder().encodeToString(SALT) + ":" + encrypt("pulumi"))));
        }
        latest.put("resources", resources);
        var checkpoint = new LinkedHashMap<String, Object>();
        checkpoint.put("stack", "organization/" + EngineRequests.PROJECT + "/" + stack);
        checkpoint.put("latest", latest);
        return new GsonBuilder().serializeNulls().disableHtmlEscaping().create()
                .toJson(Map.of("version", 3, "checkpoint", checkpoint));
    }

    private static Map<String, Object> entry(String urn, String type, boolean custom, String id, Map<String, Object> inputs,
                                             Map<String, Object> outputs, String parent, String provider) {
        var entry = new LinkedHashMap<String, Object>();
        entry.put("urn", urn);
        entry.put("custom", custom);
        if (id != null) {
            entry.put("id", id);
        }
        entry.put("type", type);
        entry.put("inputs", inputs);
        entry.put("outputs", outputs);
        if (parent != null) {
            entry.put("parent", parent);
        }
        if (provider != null) {
            entry.put("provider", provider);
        }
        return entry;
    }

    /** The checksum the CLI's integrity check expects in the manifest: sha256 of the version, in hex. */
    private static String magic(String version) {
        return Sha256.hex(version);
    }

    private static Map<String, Object> secret(Object value) {
        return Map.of(EngineValues.SIGNATURE_KEY, EngineValues.SECRET_SIGNATURE,
                "ciphertext", encrypt(new GsonBuilder().disableHtmlEscaping().create().toJson(value)));
    }

    /** As the passphrase secrets provider encrypts: AES-256-GCM under the PBKDF2 key, "v1:nonce:ciphertext". */
    private static String encrypt(String plaintext) {
        try {
            byte[] nonce = new byte[12];
            new SecureRandom().nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, KEY, new GCMParameterSpec(128, nonce));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return "v1:" + Base64.getEncoder().encodeToString(nonce) + ":" + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
