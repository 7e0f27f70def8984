package com.example.bedrockstream.encryption;

import com.example.bedrockstream.policy.PolicyDocument;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.resources.CustomResourceOptions;
import com.pulumi.resources.Resource;

import java.util.Optional;

/**
 * Every customer-managed key in this project: its own policy, rotated yearly, and the longest wait AWS allows (30
 * days) before a scheduled deletion takes effect; with an alias when one is named (resource "&lt;name&gt;-alias").
 */
public final class CustomerManagedKey {
    private CustomerManagedKey() {
    }

    public static Key create(String resourceName, String description, PolicyDocument policy, Optional<String> alias,
                             Resource parent) {
        return create(resourceName, description, policy, alias, parent, false);
    }

    /**
     * @param keptOnDestroy whether {@code destroy} leaves the key and its alias in the account, for data that
     *                      outlives the stack and would be unreadable once the key is deleted
     */
    public static Key create(String resourceName, String description, PolicyDocument policy, Optional<String> alias,
                             Resource parent, boolean keptOnDestroy) {
        var child = CustomResourceOptions.builder().parent(parent).retainOnDelete(keptOnDestroy).build();
        var key = new Key(resourceName, KeyArgs.builder()
                .description(description)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(policy.toJson())
                .build(), child);
        alias.ifPresent(name -> new Alias(resourceName + "-alias", AliasArgs.builder()
                .name(name)
                .targetKeyId(key.keyId())
                .build(), child));
        return key;
    }
}
