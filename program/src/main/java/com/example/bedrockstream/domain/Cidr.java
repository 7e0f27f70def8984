package com.example.bedrockstream.domain;

import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** An IPv4 network block: the VPC CIDR and the subnets carved from it. */
public record Cidr(IPAddress block) {

    /** AWS accepts VPC blocks from /16 to /28. */
    public static final int LARGEST_VPC_PREFIX = 16;
    /** Each private subnet keeps room for Lambda ENIs and endpoint ENIs. */
    public static final int SMALLEST_SUBNET_PREFIX = 27;

    public static final String EXPECTED = "an IPv4 network in CIDR form such as 10.20.0.0/22";

    public static Optional<Cidr> parse(String text) {
        IPAddress address = new IPAddressString(text.trim()).getAddress();
        if (address == null || !address.isIPv4() || !address.isPrefixed() || !address.isPrefixBlock()) {
            return Optional.empty();
        }
        return Optional.of(new Cidr(address));
    }

    public int prefixLength() {
        return block.getNetworkPrefixLength();
    }

    /** RFC 1918: 10/8, 172.16/12, 192.168/16. */
    public boolean isPrivate() {
        return block.toIPv4().isPrivate() && block.toIPv4().toPrefixBlock().isPrivate();
    }

    public boolean overlaps(Cidr other) {
        return block.contains(other.block) || other.block.contains(block);
    }

    /** The prefix length that fits {@code count} equal subnets in this block. */
    public int subnetPrefixFor(int count) {
        int bits = 32 - Integer.numberOfLeadingZeros(Math.max(count, 1) - 1);
        return prefixLength() + bits;
    }

    /** The first {@code count} equal subnets of this block, in address order. */
    public List<String> subnets(int count) {
        var out = new ArrayList<String>();
        var blocks = block.setPrefixLength(subnetPrefixFor(count), false).prefixBlockIterator();
        while (out.size() < count && blocks.hasNext()) {
            out.add(blocks.next().toCanonicalString());
        }
        return out;
    }

    @Override
    public String toString() {
        return block.toCanonicalString();
    }
}
