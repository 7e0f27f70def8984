package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;

import java.util.ArrayList;

/**
 * Which interface endpoint a regional service name reaches from a client's VPC: an endpoint with private DNS in
 * that VPC, or else a private hosted zone of that name associated with the VPC (in the zone's own vpcs or by a
 * ZoneAssociation from any stack) whose apex aliases one of the endpoint's DNS names.
 */
final class NameResolution {
    private NameResolution() {
    }

    static MockResource resolve(Deployment deployment, Client client, EndpointService service, String region) {
        String name = service.hostName(region);
        if (client.subnetIds().isEmpty()) {
            throw new PathGap(client.label() + " is in no subnet, so nothing resolves " + name + " for it");
        }
        String vpc = deployment.vpcOf(client.subnetIds().get(0));
        // Private zones and private DNS answer only in a VPC with DNS support and DNS hostnames on.
        var flags = deployment.byId(AwsTypes.VPC, vpc)
                .orElseThrow(() -> new PathGap("VPC " + vpc + " is not among the resources"));
        for (String flag : new String[] {"enableDnsSupport", "enableDnsHostnames"}) {
            if (Deployment.value(flags, flag).filter(Boolean.TRUE::equals).isEmpty()) {
                throw new PathGap("VPC " + vpc + " of " + client.label() + " does not set " + flag + ", so " + name
                        + " is not answered there");
            }
        }
        var endpoints = deployment.endpoints(service, region);
        for (MockResource endpoint : endpoints) {
            if (Deployment.text(endpoint, "vpcId").filter(vpc::equals).isPresent()
                    && Deployment.value(endpoint, "privateDnsEnabled").filter(Boolean.TRUE::equals).isPresent()) {
                return endpoint;
            }
        }
        for (MockResource zone : deployment.all(AwsTypes.ZONE)) {
            if (!Deployment.text(zone, "name").map(NameResolution::bare).filter(name::equals).isPresent()) {
                continue;
            }
            String zoneId = Deployment.text(zone, "zoneId").orElse(Deployment.id(zone));
            var vpcs = new ArrayList<String>();
            Deployment.maps(zone, "vpcs").forEach(v -> vpcs.add(String.valueOf(v.get("vpcId"))));
            deployment.where(AwsTypes.ZONE_ASSOCIATION, "zoneId", zoneId)
                    .forEach(a -> Deployment.text(a, "vpcId").ifPresent(vpcs::add));
            if (!vpcs.contains(vpc)) {
                continue;
            }
            String alias = deployment.where(AwsTypes.RECORD, "zoneId", zoneId).stream()
                    .filter(r -> Deployment.text(r, "name").map(NameResolution::bare).filter(name::equals).isPresent())
                    .filter(r -> Deployment.text(r, "type").filter("A"::equals).isPresent())
                    .flatMap(r -> Deployment.maps(r, "aliases").stream())
                    .map(a -> bare(String.valueOf(a.get("name"))))
                    .findFirst()
                    .orElseThrow(() -> new PathGap("zone " + name + " (" + zoneId + ") has no apex alias record"));
            return endpoints.stream()
                    .filter(e -> Deployment.maps(e, "dnsEntries").stream().map(d -> d.get("dnsName"))
                            .anyMatch(n -> alias.equalsIgnoreCase(bare(String.valueOf(n)))))
                    .findFirst()
                    .orElseThrow(() -> new PathGap("zone " + name + " aliases " + alias + ", the DNS name of no "
                            + service.label() + " endpoint in " + region));
        }
        throw new PathGap("no private zone " + name + " is associated with " + client.label() + "'s VPC " + vpc
                + ", and no endpoint there answers it with private DNS");
    }

    /** DNS names compare without the root's trailing dot. */
    private static String bare(String name) {
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }
}
