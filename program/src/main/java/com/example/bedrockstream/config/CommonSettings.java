package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.Cidr;
import com.example.bedrockstream.domain.Role;

import java.util.List;

/**
 * What every stack has: where it deploys, its private network, and the provider settings every explicit
 * provider must share with the default one.
 */
public record CommonSettings(
        String stack,
        Role role,
        String region,
        String accountId,
        Cidr vpcCidr,
        List<String> availabilityZones,
        int logRetentionDays,
        AwsProviderConfig aws) {
}
