package com.example.bedrockstream.logging;

import com.example.bedrockstream.ComponentTypes;
import com.example.bedrockstream.encryption.CustomerManagedKey;
import com.example.bedrockstream.policy.LogsKeyPolicy;
import com.pulumi.core.Output;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;

import java.util.Map;
import java.util.Optional;

/** The customer-managed KMS key that encrypts every log group of a stack, rotated yearly. */
public final class LogsKey extends ComponentResource {
    private final Output<String> arn;

    public LogsKey(String name, LogsKeyArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("logging", LogsKey.class), name, options);
        var key = CustomerManagedKey.create(name, "Encrypts the CloudWatch log groups of " + name,
                LogsKeyPolicy.of(args.accountId(), args.region()), Optional.of("alias/" + name), this);
        this.arn = key.arn();
        registerOutputs(Map.of("arn", arn));
    }

    public Output<String> arn() {
        return arn;
    }
}
