package com.example.bedrockstream.network;

import com.example.bedrockstream.domain.Cidr;
import com.example.bedrockstream.scope.StackScope;

import java.util.List;

/**
 * @param scope             the flow logs go to a log group under the scope's key and retention
 * @param availabilityZones one private subnet each, carved from {@code cidr} in order
 */
public record PrivateVpcArgs(StackScope scope, Cidr cidr, List<String> availabilityZones) {
}
