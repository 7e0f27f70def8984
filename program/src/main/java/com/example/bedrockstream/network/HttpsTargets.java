package com.example.bedrockstream.network;

import com.pulumi.core.Output;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where a client may send HTTPS, by name: endpoint security groups in its own VPC, or address blocks where the
 * endpoints sit across a Transit Gateway peering (security-group references do not cross it).
 */
public record HttpsTargets(Map<String, Output<String>> securityGroups, Map<String, String> cidrs) {

    public static HttpsTargets securityGroups(Map<String, Output<String>> groups) {
        return new HttpsTargets(groups, Map.of());
    }

    public static HttpsTargets cidrs(Map<String, String> blocks) {
        return new HttpsTargets(Map.of(), blocks);
    }

    /** These targets and one more endpoint security group in the client's VPC. */
    public HttpsTargets and(String name, Output<String> securityGroup) {
        var groups = new LinkedHashMap<>(securityGroups);
        groups.put(name, securityGroup);
        return new HttpsTargets(groups, cidrs);
    }
}
