package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;

import java.util.List;

/**
 * Whether a client's security groups let it open HTTPS to an endpoint and the endpoint's groups admit it. A group
 * reference only counts within one VPC (references do not cross a Transit Gateway); across VPCs every subnet on the
 * other side must lie in the block of some rule.
 */
final class SecurityGroups {
    private static final int HTTPS = 443;

    private SecurityGroups() {
    }

    static void allow(Deployment deployment, Client client, MockResource endpoint) {
        if (client.subnetIds().isEmpty()) {
            throw new PathGap(client.label() + " is in no subnet");
        }
        boolean sameVpc = deployment.vpcOf(client.subnetIds().get(0))
                .equals(Deployment.text(endpoint, "vpcId").orElse(""));
        List<String> endpointGroups = Deployment.texts(endpoint, "securityGroupIds");
        List<String> endpointBlocks = Deployment.texts(endpoint, "subnetIds").stream().map(deployment::blockOf).toList();
        List<String> clientBlocks = client.subnetIds().stream().map(deployment::blockOf).toList();
        if (!opens(deployment, AwsTypes.EGRESS_RULE, client.securityGroupIds(), endpointGroups, endpointBlocks, sameVpc)) {
            throw new PathGap(client.label() + "'s groups " + client.securityGroupIds() + " send no 443 to "
                    + endpoint.name() + " (groups " + endpointGroups + ", subnets " + endpointBlocks + ")");
        }
        if (!opens(deployment, AwsTypes.INGRESS_RULE, endpointGroups, client.securityGroupIds(), clientBlocks, sameVpc)) {
            throw new PathGap(endpoint.name() + "'s groups " + endpointGroups + " admit no 443 from " + client.label()
                    + " (groups " + client.securityGroupIds() + ", subnets " + clientBlocks + ")");
        }
    }

    /**
     * Rules of {@code groups} that open 443 to every address on the other side: one group reference does (within a
     * VPC), or else each of the other side's blocks lies in some rule's block.
     */
    private static boolean opens(Deployment deployment, String type, List<String> groups, List<String> otherGroups,
                                   List<String> otherBlocks, boolean sameVpc) {
        var rules = httpsRules(deployment, type, groups);
        if (sameVpc && rules.stream().anyMatch(rule -> Deployment.text(rule, "referencedSecurityGroupId")
                .filter(otherGroups::contains).isPresent())) {
            return true;
        }
        return !otherBlocks.isEmpty() && otherBlocks.stream().allMatch(other -> rules.stream().anyMatch(rule ->
                Deployment.text(rule, "cidrIpv4").filter(block -> Blocks.contains(block, other)).isPresent()));
    }

    /** The rules of {@code type} (ingress or egress) of {@code groups} that carry HTTPS. */
    static List<MockResource> httpsRules(Deployment deployment, String type, List<String> groups) {
        return deployment.all(type).stream()
                .filter(rule -> Deployment.text(rule, "securityGroupId").filter(groups::contains).isPresent())
                .filter(SecurityGroups::carriesHttps)
                .toList();
    }

    /** Protocol "-1" is every protocol and port; otherwise TCP with 443 in the port range. */
    private static boolean carriesHttps(MockResource rule) {
        String protocol = Deployment.text(rule, "ipProtocol").orElse("");
        if (protocol.equals("-1")) {
            return true;
        }
        if (!protocol.equals("tcp") && !protocol.equals("6")) {
            return false;
        }
        double from = Deployment.value(rule, "fromPort").map(v -> ((Number) v).doubleValue()).orElse(-1.0);
        double to = Deployment.value(rule, "toPort").map(v -> ((Number) v).doubleValue()).orElse(-1.0);
        return from <= HTTPS && HTTPS <= to;
    }
}
