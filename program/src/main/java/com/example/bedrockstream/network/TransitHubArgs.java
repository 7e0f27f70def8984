package com.example.bedrockstream.network;

import com.pulumi.core.Output;

import java.util.List;

/**
 * @param amazonSideAsn private ASN of the Transit Gateway; peered gateways each have their own
 * @param purpose       the gateway's description
 */
public record TransitHubArgs(int amazonSideAsn, Output<String> vpcId, Output<List<String>> subnetIds, String purpose) {
}
