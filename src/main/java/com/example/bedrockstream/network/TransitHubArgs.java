package com.example.bedrockstream.network;

import com.pulumi.core.Output;

import java.util.List;

/** @param amazonSideAsn private ASN of the Transit Gateway */
public record TransitHubArgs(int amazonSideAsn, Output<String> vpcId, Output<List<String>> subnetIds) {
}
