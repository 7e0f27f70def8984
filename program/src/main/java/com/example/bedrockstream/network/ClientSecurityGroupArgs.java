package com.example.bedrockstream.network;

import com.pulumi.core.Output;

/** @param httpsTargets the only destinations, each reached on TCP 443 */
public record ClientSecurityGroupArgs(Output<String> vpcId, String purpose, HttpsTargets httpsTargets) {
}
