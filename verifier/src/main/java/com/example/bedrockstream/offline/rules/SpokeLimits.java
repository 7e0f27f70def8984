package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.stream.Stream;

/**
 * AWS quotas on a hub resource that every spoke adds to from its own stack: no stack sees the sum, so these rules
 * add up every stack's share ({@link Scope#DEPLOYMENT}). The numbers are AWS's defaults. All three are adjustable
 * (Service Quotas, or a support case for Route 53), so a deployment whose quota was raised lowers the rule with the
 * reason in the policy pack's config; the offline preview keeps the defaults, which is what a new account has.
 */
final class SpokeLimits {
    private SpokeLimits() {
    }

    /**
     * Amazon VPC quotas, "Inbound or outbound rules per security group": 60 inbound, adjustable (the quota times
     * "Security groups per network interface", 5, may not pass 1,000). The hub's endpoint security group gains one
     * inbound rule per spoke block. AWS counts IPv4 and IPv6 rules apart, 60 each; a rule naming a security group or
     * prefix list counts in both. Counted here: the IPv4 side, the only one these stacks write.
     */
    static final GrowingLimit SG_RULES_PER_GROUP = new GrowingLimit("aws-api:sg-rules-per-group",
            "a security group has at most 60 inbound rules, counted over every stack (AWS default quota, adjustable)",
            RuleSource.awsApi("Amazon VPC quotas: Inbound or outbound rules per security group (60, adjustable)"),
            AwsTypes.SECURITY_GROUP, "inbound rules", 60, SpokeLimits::inboundRules);

    /**
     * AWS Transit Gateway quotas, "Peering attachments per transit gateway": 50, adjustable. Each spoke peers its own
     * Transit Gateway with the hub's; an attachment counts on both of its gateways, requester and accepter.
     */
    static final GrowingLimit TGW_PEERING_ATTACHMENTS = new GrowingLimit("aws-api:tgw-peering-attachments",
            "a Transit Gateway has at most 50 peering attachments, counted over every stack (AWS default quota, adjustable)",
            RuleSource.awsApi("AWS Transit Gateway quotas: Peering attachments per transit gateway (50, adjustable)"),
            AwsTypes.TRANSIT_GATEWAY, "peering attachments", 50,
            (run, resource) -> resource.type().equals(AwsTypes.TGW_PEERING)
                    ? Stream.of("transitGatewayId", "peerTransitGatewayId").flatMap(side -> resource.input(side)
                    .map(String::valueOf).map(gateway -> new Share(gateway, 1)).stream())
                    : Stream.empty());

    /**
     * Route 53 quotas, "Amazon VPCs that you can associate with a private hosted zone": 300, adjustable by a support
     * case. Each spoke associates its VPC with the hub's sts and lambda zones; the zone's own VPCs count too.
     */
    static final GrowingLimit ZONE_VPC_ASSOCIATIONS = new GrowingLimit("aws-api:zone-vpc-associations",
            "a private hosted zone is associated with at most 300 VPCs, counted over every stack (AWS default quota,"
                    + " adjustable)",
            RuleSource.awsApi("Amazon Route 53 quotas: Amazon VPCs that you can associate with a private hosted zone"
                    + " (300, adjustable)"),
            AwsTypes.ZONE, "VPC associations", 300, SpokeLimits::zoneVpcs);

    static final List<GrowingLimit> RULES = List.of(SG_RULES_PER_GROUP, TGW_PEERING_ATTACHMENTS, ZONE_VPC_ASSOCIATIONS);

    /** What one resource adds to the count of the limited resource whose id is {@code limited}. */
    record Share(String limited, int count) {
    }

    /**
     * A quota on one resource of {@code type}, which resources of any stack add to. A finding names the quota, the
     * count, each stack's part and how many spokes too many there are, at the most any one other stack adds. It is
     * reported once per resource over its quota, on the first stack of the plan that owns or adds to it (the policy
     * pack puts the stack it judges first): on the resource itself in its owner's stack, else on that stack's first
     * share. {@link #headroom} says, for every such resource, how many spokes are left.
     */
    record GrowingLimit(String id, String message, RuleSource source, String type, String counted, int quota,
                        BiFunction<OfflineRun, MockResource, Stream<Share>> shares) implements PlanRule {

        public Scope scope() {
            return Scope.DEPLOYMENT;
        }

        public Stream<Finding> check(Plan plan) {
            return tallies(plan).stream().filter(tally -> tally.total() > quota).map(tally -> {
                Plan.Placed at = tally.first();
                int over = tally.total() - quota;
                return Finding.of(this, at.run().stack(), at.resource(), tally.described(this) + ", " + over
                        + " over AWS's default quota of " + quota + ": " + (tally.others() == 0 ? "raise the quota"
                        : spokes(ceilDiv(over, tally.perSpoke())) + " too many at " + tally.perSpoke()
                        + " each; raise the quota before adding spokes"));
            });
        }

        /** For every resource of {@code type} other stacks add to: its count against the quota and the spokes left. */
        public Stream<String> headroom(Plan plan) {
            return tallies(plan).stream().filter(tally -> tally.others() > 0).map(tally -> id + " · " + tally.owner()
                    .map(o -> o.run().stack() + " · " + MockResource.shortType(type) + " " + o.resource().name())
                    .orElse(tally.limited())
                    + " · " + tally.total() + " of " + quota + " " + counted + ", " + (tally.total() > quota
                    ? spokes(ceilDiv(tally.total() - quota, tally.perSpoke())) + " too many"
                    : spokes((quota - tally.total()) / tally.perSpoke()) + " left"));
        }

        private List<Tally> tallies(Plan plan) {
            var byLimited = new LinkedHashMap<String, List<Part>>();
            plan.resources().forEach(placed -> shares.apply(placed.run(), placed.resource()).forEach(share -> byLimited
                    .computeIfAbsent(share.limited(), key -> new ArrayList<>())
                    .add(new Part(placed, share.count()))));
            var tallies = new ArrayList<Tally>();
            byLimited.forEach((limited, parts) -> {
                Optional<Plan.Placed> owner = plan.resources().filter(placed -> placed.resource().type().equals(type)
                                && Objects.equals(String.valueOf(placed.resource().state().get("id")), limited))
                        .findFirst();
                tallies.add(new Tally(limited, owner, parts, plan.runs().stream().map(OfflineRun::stack).toList()));
            });
            return tallies;
        }
    }

    private record Part(Plan.Placed at, int count) {
    }

    /** One limited resource, where it is, and what each stack adds to it. */
    private record Tally(String limited, Optional<Plan.Placed> owner, List<Part> parts, List<String> order) {
        int total() {
            return parts.stream().mapToInt(Part::count).sum();
        }

        private Map<String, Integer> byStack() {
            var by = new LinkedHashMap<String, Integer>();
            parts.forEach(part -> by.merge(part.at().run().stack(), part.count(), Integer::sum));
            return by;
        }

        private Optional<String> ownerStack() {
            return owner.map(o -> o.run().stack());
        }

        /** How many stacks other than the owner add to the resource. */
        long others() {
            return byStack().keySet().stream().filter(stack -> !ownerStack().map(stack::equals).orElse(false)).count();
        }

        /** The most any one stack other than the owner adds: what a further spoke would add (at least 1). */
        int perSpoke() {
            return byStack().entrySet().stream().filter(e -> !ownerStack().map(e.getKey()::equals).orElse(false))
                    .mapToInt(Map.Entry::getValue).max().orElse(1);
        }

        /** The first stack of the plan that owns the resource or adds to it, and where on it to report. */
        Plan.Placed first() {
            for (String stack : order) {
                if (ownerStack().filter(stack::equals).isPresent()) {
                    return owner.get();
                }
                Optional<Part> part = parts.stream().filter(p -> p.at().run().stack().equals(stack)).findFirst();
                if (part.isPresent()) {
                    return part.get().at();
                }
            }
            throw new IllegalStateException("no stack adds to " + limited);
        }

        /** "ec2/SecurityGroup app-use1-endpoints of app-use1 has 61 inbound rules (1 in app-use1, 60 from 60 other stacks)" */
        String described(GrowingLimit limit) {
            int own = ownerStack().map(stack -> byStack().getOrDefault(stack, 0)).orElse(0);
            String name = owner.map(o -> MockResource.shortType(limit.type()) + " " + o.resource().name() + " of "
                    + o.run().stack()).orElse(MockResource.shortType(limit.type()) + " " + limited);
            return name + " has " + total() + " " + limit.counted() + " (" + own + " in its own stack, "
                    + (total() - own) + " from " + others() + " other stack(s))";
        }
    }

    private static String spokes(long n) {
        return n + (n == 1 ? " spoke" : " spokes");
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }

    /** The inbound rules a resource adds to a security group, IPv4 side. */
    private static Stream<Share> inboundRules(OfflineRun run, MockResource resource) {
        String type = resource.type();
        if (type.equals(AwsTypes.INGRESS_RULE)) {
            boolean ipv4 = Stream.of("cidrIpv4", "referencedSecurityGroupId", "prefixListId")
                    .anyMatch(input -> resource.input(input).filter(Inputs::present).isPresent());
            return ipv4 ? group(resource.input("securityGroupId"), 1) : Stream.empty();
        }
        if (type.equals(AwsTypes.SECURITY_GROUP_RULE) && "ingress".equals(resource.input("type").orElse(null))) {
            return group(resource.input("securityGroupId"), ipv4Rules(resource.inputs(), "sourceSecurityGroupId"));
        }
        if (type.equals(AwsTypes.SECURITY_GROUP)) {
            int inline = resource.list("ingress").stream().filter(Map.class::isInstance)
                    .mapToInt(rule -> ipv4Rules(asMap(rule), "securityGroups")).sum();
            return inline == 0 ? Stream.empty() : group(Optional.ofNullable(resource.state().get("id")), inline);
        }
        return Stream.empty();
    }

    /** A rule with several sources is several rules to AWS: one per CIDR, security group and prefix list. */
    private static int ipv4Rules(Map<String, Object> rule, String groups) {
        return size(rule.get("cidrBlocks")) + size(rule.get(groups)) + size(rule.get("prefixListIds"))
                + (Boolean.TRUE.equals(rule.get("self")) ? 1 : 0);
    }

    private static int size(Object value) {
        return value instanceof List<?> list ? list.size() : Inputs.present(value) ? 1 : 0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object value) {
        return (Map<String, Object>) value;
    }

    private static Stream<Share> group(Optional<Object> id, int count) {
        return id.filter(Inputs::present).map(g -> new Share(String.valueOf(g), count)).stream();
    }

    /** The VPCs a resource associates with a private hosted zone. */
    private static Stream<Share> zoneVpcs(OfflineRun run, MockResource resource) {
        if (resource.type().equals(AwsTypes.ZONE_ASSOCIATION)) {
            return resource.input("zoneId").map(zone -> new Share(String.valueOf(zone), 1)).stream();
        }
        if (resource.type().equals(AwsTypes.ZONE) && !resource.list("vpcs").isEmpty()) {
            return Stream.of(new Share(String.valueOf(resource.state().get("id")), resource.list("vpcs").size()));
        }
        return Stream.empty();
    }
}
