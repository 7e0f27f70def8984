package com.example.bedrockstream.policy;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.MockResource;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every key policy: the account administers the key but no administration statement lets anyone use it. */
class KeyPoliciesTest {
    private static final String ACCOUNT = "444455556666";

    /** Actions that use a key, or (CreateGrant) let the caller grant itself use. */
    private static final List<String> USE = List.of(
            "kms:Encrypt", "kms:Decrypt", "kms:ReEncryptFrom", "kms:ReEncryptTo", "kms:GenerateDataKey",
            "kms:GenerateDataKeyWithoutPlaintext", "kms:GenerateDataKeyPair", "kms:GenerateDataKeyPairWithoutPlaintext",
            "kms:CreateGrant", "kms:Sign", "kms:Verify", "kms:GenerateMac", "kms:VerifyMac", "kms:DeriveSharedSecret",
            "kms:GetPublicKey");

    /** What keeps a key manageable: without these the account could lock itself out or never delete it. */
    private static final List<String> MUST_ADMINISTER = List.of(
            "kms:PutKeyPolicy", "kms:GetKeyPolicy", "kms:DescribeKey", "kms:EnableKey", "kms:DisableKey",
            "kms:EnableKeyRotation", "kms:ScheduleKeyDeletion", "kms:CancelKeyDeletion", "kms:RevokeGrant",
            "kms:TagResource", "kms:UntagResource");

    /** IAM action matching: case-insensitive, '*' any run of characters, '?' one character. */
    static boolean allows(String pattern, String action) {
        String regex = Stream.of(pattern.split("", -1))
                .map(c -> c.equals("*") ? ".*" : c.equals("?") ? "." : Pattern.quote(c))
                .reduce("", String::concat);
        return Pattern.compile(regex, Pattern.CASE_INSENSITIVE).matcher(action).matches();
    }

    private static void assertAdministersWithoutUse(String what, String policy) {
        var statements = Policies.parse(policy);
        var admin = statements.stream().filter(s -> s.sid().equals("AccountAdministersKey")).toList();
        assertEquals(1, admin.size(), what + ": one administration statement");
        var s = admin.get(0);
        assertEquals(Map.of("AWS", List.of("arn:aws:iam::" + ACCOUNT + ":root")), s.principal(), what);
        for (String action : s.actions()) {
            for (String use : USE) {
                assertTrue(!allows(action, use), what + ": administration action " + action + " allows " + use);
            }
        }
        for (String needed : MUST_ADMINISTER) {
            assertTrue(s.actions().stream().anyMatch(a -> allows(a, needed)), what + ": cannot " + needed);
        }
    }

    @Test
    void wildcardsAreEvaluatedTheWayIamDoes() {
        assertTrue(allows("kms:Create*", "kms:CreateGrant"));
        assertTrue(allows("kms:generatedatakey*", "kms:GenerateDataKeyPair"));
        assertTrue(allows("kms:ReEncrypt?o", "kms:ReEncryptTo"));
        assertTrue(!allows("kms:CreateAlias", "kms:CreateGrant"));
    }

    @Test
    void logsNotebookAndAlarmTopicKeysAreAdministeredWithoutUse() {
        assertAdministersWithoutUse("logs key", LogsKeyPolicy.of(ACCOUNT, "us-east-1").toJson());
        assertAdministersWithoutUse("notebook key", NotebookKeyPolicy.of(ACCOUNT, "us-east-1").toJson());
        assertAdministersWithoutUse("alarm topic key", AlarmTopicPolicies.key(ACCOUNT, "us-east-1").toJson());
    }

    @Test
    void everyKeyTheStacksCreateIsAdministeredWithoutUse() {
        List<MockResource> keys = Stream.concat(Stacks.ml().ofType("aws:kms/key:Key").stream(),
                Stacks.hub().ofType("aws:kms/key:Key").stream()).toList();
        assertEquals(6, keys.size(), "the two logs keys, the notebook key, the two trail keys and the ML stack's alarm topic key");
        for (MockResource key : keys) {
            String policy = key.string("policy");
            String account = Policies.statement(policy, "AccountAdministersKey").principal().get("AWS").get(0);
            assertAdministersWithoutUse(key.name(), policy.replace(account, "arn:aws:iam::" + ACCOUNT + ":root"));
        }
    }
}
