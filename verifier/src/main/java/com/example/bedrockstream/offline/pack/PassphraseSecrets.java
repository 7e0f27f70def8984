package com.example.bedrockstream.offline.pack;

import javax.crypto.Cipher;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.PBEKeySpec;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Opens the values of a stack whose secrets provider is a passphrase, as `pulumi` does: a key derived from the
 * passphrase and the stack's salt (PBKDF2-HMAC-SHA256, 1,000,000 rounds, 32 bytes), then AES-256-GCM on each value
 * written "v1:&lt;nonce&gt;:&lt;ciphertext&gt;" (sdk/go/common/resource/config/crypt.go).
 */
final class PassphraseSecrets {
    private static final int ROUNDS = 1_000_000;
    private static final int KEY_BITS = 256;
    private static final int TAG_BITS = 128;

    /**
     * Derived keys by passphrase and salt: a million rounds take about a second, and one process reads several stacks
     * (the tests' many packs, one JVM) that may share them.
     */
    private static final Map<List<String>, SecretKeySpec> KEYS = new ConcurrentHashMap<>();

    private final SecretKeySpec key;

    /** @param state the provider's state as the stack's checkpoint keeps it: "v1:&lt;salt&gt;:&lt;check value&gt;" */
    PassphraseSecrets(String passphrase, String state) {
        String[] parts = state.split(":");
        if (parts.length < 2 || !parts[0].equals("v1")) {
            throw new IllegalArgumentException("unknown passphrase secrets state " + parts[0]);
        }
        this.key = KEYS.computeIfAbsent(List.of(passphrase, parts[1]), PassphraseSecrets::derive);
    }

    private static SecretKeySpec derive(List<String> passphraseAndSalt) {
        try {
            byte[] salt = Base64.getDecoder().decode(passphraseAndSalt.get(1));
            var spec = new PBEKeySpec(passphraseAndSalt.get(0).toCharArray(), salt, ROUNDS, KEY_BITS);
            byte[] derived = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
            return new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the passphrase key", e);
        }
    }

    /** The plain text of one value; a wrong passphrase fails the GCM check. */
    String decrypt(String ciphertext) throws GeneralSecurityException {
        String[] parts = ciphertext.split(":");
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new GeneralSecurityException("not a v1 passphrase ciphertext");
        }
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, Base64.getDecoder().decode(parts[1])));
        return new String(cipher.doFinal(Base64.getDecoder().decode(parts[2])), StandardCharsets.UTF_8);
    }
}
