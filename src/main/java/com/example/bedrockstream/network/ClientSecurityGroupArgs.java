package com.example.bedrockstream.network;

import com.pulumi.core.Output;

import java.util.Map;

/** @param httpsTargets the only destinations, by name, each an endpoint security group reached on TCP 443 */
public record ClientSecurityGroupArgs(Output<String> vpcId, String purpose, Map<String, Output<String>> httpsTargets) {
}
