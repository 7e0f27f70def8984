package com.example.bedrockstream.network;

import com.pulumi.aws.ec2.outputs.VpcEndpointDnsEntry;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The alias target is the endpoint's regional DNS entry, whatever order AWS lists the entries in. */
class InterfaceEndpointTest {
    private static final String ZONE = "Z7HUB22UULQXV";

    private static VpcEndpointDnsEntry entry(String name, String zone) {
        return VpcEndpointDnsEntry.builder().dnsName(name).hostedZoneId(zone).build();
    }

    private static final VpcEndpointDnsEntry REGIONAL = entry("vpce-0abc-1234.sts.us-east-1.vpce.amazonaws.com", ZONE);
    private static final List<VpcEndpointDnsEntry> OTHERS = List.of(
            entry("vpce-0abc-1234-us-east-1a.sts.us-east-1.vpce.amazonaws.com", ZONE),
            entry("vpce-0abc-1234-us-east-1b.sts.us-east-1.vpce.amazonaws.com", ZONE),
            entry("sts.us-east-1.amazonaws.com", "Z0PRIVATEDNSZONE"));

    @Test
    void picksTheRegionalEntryFirstLastOrInTheMiddle() {
        for (int at = 0; at <= OTHERS.size(); at++) {
            var entries = new ArrayList<>(OTHERS);
            entries.add(at, REGIONAL);
            assertEquals(REGIONAL, InterfaceEndpoint.regionalEntry(entries), "regional entry at " + at);
            Collections.reverse(entries);
            assertEquals(REGIONAL, InterfaceEndpoint.regionalEntry(entries), "reversed, regional entry at " + at);
        }
    }

    @Test
    void zonalNamesInAnyRegionAreNeverTakenForTheRegionalOne() {
        var regional = entry("vpce-01f2e3d4c5b6a7980-x1y2z3w4.lambda.ap-southeast-1.vpce.amazonaws.com", ZONE);
        var zonal = entry("vpce-01f2e3d4c5b6a7980-x1y2z3w4-ap-southeast-1c.lambda.ap-southeast-1.vpce.amazonaws.com", ZONE);
        assertEquals(regional, InterfaceEndpoint.regionalEntry(List.of(zonal, regional)));
    }

    @Test
    void entriesWithoutARegionalNameAreAnError() {
        var error = assertThrows(IllegalStateException.class, () -> InterfaceEndpoint.regionalEntry(OTHERS));
        assertEquals("an interface endpoint has exactly one regional DNS entry, found 0 among "
                + "[vpce-0abc-1234-us-east-1a.sts.us-east-1.vpce.amazonaws.com, "
                + "vpce-0abc-1234-us-east-1b.sts.us-east-1.vpce.amazonaws.com, sts.us-east-1.amazonaws.com]",
                error.getMessage());
    }
}
