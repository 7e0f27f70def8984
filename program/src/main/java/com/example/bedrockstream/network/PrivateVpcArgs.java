package com.example.bedrockstream.network;

import com.example.bedrockstream.domain.Cidr;
import com.pulumi.core.Output;

import java.util.List;

/**
 * @param availabilityZones one private subnet each, carved from {@code cidr} in order
 * @param logsKeyArn        encrypts the flow-log group
 */
public record PrivateVpcArgs(
        String accountId,
        String region,
        Cidr cidr,
        List<String> availabilityZones,
        int flowLogRetentionDays,
        Output<String> logsKeyArn) {
}
