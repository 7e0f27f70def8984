package com.example.bedrockstream.config;

import java.util.List;

/** What every stack has: where it deploys and its private network. */
public record CommonSettings(
        String stack,
        Role role,
        String region,
        String accountId,
        Cidr vpcCidr,
        List<String> availabilityZones,
        int logRetentionDays) {
}
