package com.example.bedrockstream.logging;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.policy.LogsKeyPolicy;
import com.pulumi.aws.kms.Alias;
import com.pulumi.aws.kms.AliasArgs;
import com.pulumi.aws.kms.Key;
import com.pulumi.aws.kms.KeyArgs;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.Map;

/** The customer-managed KMS key that encrypts every log group of a stack, rotated yearly. */
public final class LogsKey extends ComponentResource {
    private final Output<String> arn;

    public LogsKey(String name, LogsKeyArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("logging", LogsKey.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var key = new Key(name, KeyArgs.builder()
                .description("Encrypts the CloudWatch log groups of " + name)
                .enableKeyRotation(true)
                .deletionWindowInDays(30)
                .policy(LogsKeyPolicy.of(args.accountId(), args.region()).toJson())
                .build(), child);
        new Alias(name + "-alias", AliasArgs.builder()
                .name("alias/" + name)
                .targetKeyId(key.keyId())
                .build(), child);
        this.arn = key.arn();
        registerOutputs(Map.of("arn", arn));
    }

    public Output<String> arn() {
        return arn;
    }
}
