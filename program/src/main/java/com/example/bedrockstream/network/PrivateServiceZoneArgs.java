package com.example.bedrockstream.network;

import com.pulumi.core.Output;

/**
 * @param endpoint  the interface endpoint the zone's name, its service's regional name, should resolve to
 * @param vpcId     the endpoint's VPC, which the zone answers in first
 */
public record PrivateServiceZoneArgs(InterfaceEndpoint endpoint, Output<String> vpcId) {
    public PrivateServiceZoneArgs {
        if (endpoint.service().dns() != EndpointService.Dns.PRIVATE_ZONE) {
            throw new IllegalArgumentException(endpoint.service() + " is answered by AWS's private DNS, not a zone");
        }
    }

    /** A regional AWS service name, e.g. sts.us-east-1.amazonaws.com. */
    public String zoneName() {
        return endpoint.serviceHostName();
    }
}
