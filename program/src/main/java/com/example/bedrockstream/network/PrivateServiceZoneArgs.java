package com.example.bedrockstream.network;

import com.pulumi.core.Output;

/**
 * @param zoneName a regional AWS service name, e.g. sts.us-east-1.amazonaws.com
 * @param endpoint the interface endpoint the name should resolve to
 */
public record PrivateServiceZoneArgs(String zoneName, Output<String> vpcId, String vpcRegion, InterfaceEndpoint endpoint) {
}
