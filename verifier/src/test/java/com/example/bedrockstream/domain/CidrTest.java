package com.example.bedrockstream.domain;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CidrTest {

    @Test
    void carvesEqualSubnetsInAddressOrder() {
        var cidr = Cidr.parse("10.20.0.0/22").orElseThrow();
        assertEquals(List.of("10.20.0.0/23", "10.20.2.0/23"), cidr.subnets(2));
        assertEquals(List.of("10.20.0.0/24", "10.20.1.0/24", "10.20.2.0/24"), cidr.subnets(3));
    }

    @Test
    void knowsPrivateRangesAndOverlap() {
        assertTrue(Cidr.parse("172.16.0.0/16").orElseThrow().isPrivate());
        assertFalse(Cidr.parse("172.32.0.0/16").orElseThrow().isPrivate());
        assertFalse(Cidr.parse("192.168.0.0/15").orElseThrow().isPrivate(), "reaches past 192.168/16");
        var hub = Cidr.parse("10.20.0.0/22").orElseThrow();
        assertTrue(hub.overlaps(Cidr.parse("10.20.3.0/24").orElseThrow()));
        assertTrue(hub.overlaps(Cidr.parse("10.0.0.0/8").orElseThrow()));
        assertFalse(hub.overlaps(Cidr.parse("10.20.4.0/22").orElseThrow()));
    }

    @Test
    void refusesHostBitsAndNonIpv4() {
        assertTrue(Cidr.parse("10.20.0.1/22").isEmpty());
        assertTrue(Cidr.parse("10.20.0.0").isEmpty());
        assertTrue(Cidr.parse("fd00::/48").isEmpty());
        assertTrue(Cidr.parse("banana").isEmpty());
    }
}
