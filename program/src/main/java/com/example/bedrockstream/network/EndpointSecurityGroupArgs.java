package com.example.bedrockstream.network;

import com.pulumi.core.Output;

import java.util.List;

/**
 * @param allowedCidrs sources admitted on TCP 443 by address; security groups are admitted with
 *                     {@link EndpointSecurityGroup#admit(String, Output)}
 */
public record EndpointSecurityGroupArgs(Output<String> vpcId, String purpose, List<String> allowedCidrs) {
}
