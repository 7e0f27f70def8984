package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.path.PathRuns;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The quotas the spokes add to, summed over every stack file: silent up to the quota, a finding one spoke past it
 * that names the quota and how many spokes too many, and the headroom of the hub's resources as spokes are added.
 */
class SpokeLimitsTest {

    @Test
    void theCommittedStacksLeaveThisManySpokes() {
        assertEquals(List.of(
                "aws-api:sg-rules-per-group · app-use1 · ec2/SecurityGroup app-use1-endpoints · 2 of 60 inbound rules,"
                        + " 58 spokes left",
                "aws-api:tgw-peering-attachments · app-use1 · ec2transitgateway/TransitGateway app-use1-tgw · 1 of 50"
                        + " peering attachments, 49 spokes left",
                "aws-api:zone-vpc-associations · app-use1 · route53/Zone app-use1-sts-zone · 2 of 300 VPC associations,"
                        + " 298 spokes left",
                "aws-api:zone-vpc-associations · app-use1 · route53/Zone app-use1-lambda-zone · 2 of 300 VPC"
                        + " associations, 298 spokes left"),
                PlanRules.headroom(new Plan(PathRuns.committed())));
    }

    @Test
    void endpointRulesUpToTheQuotaPassAndOneSpokeMoreIsReportedOnTheHubsGroup() {
        assertEquals(List.of(), findings(SpokeLimits.SG_RULES_PER_GROUP, RuleFixtures.withSpokes(58)));
        assertEquals(List.of("aws-api:sg-rules-per-group · app-use1 · ec2/SecurityGroup app-use1-endpoints · "
                        + "ec2/SecurityGroup app-use1-endpoints of app-use1 has 61 inbound rules (1 in its own stack, 60 from"
                        + " 60 other stack(s)), 1 over AWS's default quota of 60: 1 spoke too many at 1 each; raise the"
                        + " quota before adding spokes"),
                findings(SpokeLimits.SG_RULES_PER_GROUP, RuleFixtures.withSpokes(59)));
        assertEquals(List.of("aws-api:sg-rules-per-group · app-use1 · ec2/SecurityGroup app-use1-endpoints · 60 of 60"
                + " inbound rules, 0 spokes left"), SpokeLimits.SG_RULES_PER_GROUP.headroom(RuleFixtures.withSpokes(58))
                .filter(line -> line.contains("app-use1-endpoints")).toList());
    }

    @Test
    void peeringAttachmentsUpToTheQuotaPassAndOneMoreIsReported() {
        assertEquals(List.of(), findings(SpokeLimits.TGW_PEERING_ATTACHMENTS, RuleFixtures.withSpokes(49)));
        assertEquals(List.of("aws-api:tgw-peering-attachments · app-use1 · ec2transitgateway/TransitGateway app-use1-tgw"
                        + " · ec2transitgateway/TransitGateway app-use1-tgw of app-use1 has 51 peering attachments (0 in its"
                        + " own stack, 51 from 51 other stack(s)), 1 over AWS's default quota of 50: 1 spoke too many at 1"
                        + " each; raise the quota before adding spokes"),
                findings(SpokeLimits.TGW_PEERING_ATTACHMENTS, RuleFixtures.withSpokes(50)));
    }

    @Test
    void zoneAssociationsUpToTheQuotaPassAndOneMoreIsReportedOnEachZone() {
        assertEquals(List.of(), findings(SpokeLimits.ZONE_VPC_ASSOCIATIONS, RuleFixtures.withSpokes(298)));
        var over = findings(SpokeLimits.ZONE_VPC_ASSOCIATIONS, RuleFixtures.withSpokes(299));
        assertEquals(2, over.size(), String.join("\n", over));
        assertEquals("aws-api:zone-vpc-associations · app-use1 · route53/Zone app-use1-sts-zone · route53/Zone"
                + " app-use1-sts-zone of app-use1 has 301 VPC associations (1 in its own stack, 300 from 300 other"
                + " stack(s)), 1 over AWS's default quota of 300: 1 spoke too many at 1 each; raise the quota before"
                + " adding spokes", over.get(0));
    }

    /**
     * The policy pack judges a spoke with that spoke first and the others as the backend holds them: the finding is
     * then the spoke's, on what it adds, so the preview of the spoke that goes over is the one refused.
     */
    @Test
    void judgedFromASpokeTheFindingIsTheSpokes() {
        var runs = new java.util.ArrayList<>(RuleFixtures.withSpokes(59).runs());
        var last = runs.remove(runs.size() - 1);
        runs.add(0, last);
        assertEquals(List.of("aws-api:sg-rules-per-group · app-spoke-59 · vpc/SecurityGroupIngressRule"
                        + " app-apse1-link-https-from-spoke"),
                SpokeLimits.SG_RULES_PER_GROUP.check(new Plan(runs))
                        .map(f -> f.ruleId() + " · " + f.stack() + " · " + com.example.bedrockstream.offline.MockResource
                                .shortType(f.resourceType()) + " " + f.resourceName()).toList());
    }

    private static List<String> findings(PlanRule rule, Plan plan) {
        return rule.check(plan).map(Finding::line).toList();
    }
}
