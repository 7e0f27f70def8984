package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/** notebookPrivateAccess and notebookUserCidrs, checked with the rest of the config before anything is registered. */
class NotebookAccessConfigTest {
    static final String KEY = "bedrock-stream:notebookUserCidrs = ";

    @Test
    void everyBadCorporateRangeIsReportedWithWhatIsExpected() {
        var run = Stacks.hub(Map.of("notebookUserCidrs", "[\"8.8.8.0/24\",\"10.100.0.0/33\",\"corp\",\"10.1.2.3/16\","
                + "\"10.20.0.0/22\",\"172.16.0.0/12\",\"172.16.0.0/12\",\"fd00::/8\"]"), e -> e);
        String malformed = ": expected a corporate range as an IPv4 network in CIDR form such as 10.20.0.0/22"
                + " (network address, no host bits)";
        Stacks.assertRefused(run, "Stack 'app-use1' has 7 configuration problems; nothing was created:",
                KEY + "\"8.8.8.0/24\": expected a private (RFC 1918) range inside 10.0.0.0/8, 172.16.0.0/12 or"
                        + " 192.168.0.0/16: corporate networks reach the VPC over VPN or Direct Connect, never from the"
                        + " internet",
                KEY + "\"10.100.0.0/33\"" + malformed,
                KEY + "\"corp\"" + malformed,
                KEY + "\"10.1.2.3/16\"" + malformed,
                KEY + "\"fd00::/8\"" + malformed,
                KEY + "\"10.20.0.0/22\": expected a block other than the VPC's own 10.20.0.0/22, which the notebook's"
                        + " endpoints admit already",
                KEY + "\"172.16.0.0/12\": expected each block once: AWS refuses a security group rule that repeats"
                        + " another");
    }

    @Test
    void moreRangesThanOneSecurityGroupHoldsAreRefused() {
        String sixty = IntStream.range(0, 60).mapToObj(i -> "\"10.100." + i + ".0/24\"")
                .collect(Collectors.joining(",", "[", "]"));
        Stacks.assertRefused(Stacks.hub(Map.of("notebookUserCidrs", sixty), e -> e),
                KEY + "(60 blocks): expected at most 59 blocks: a security group holds 60 inbound rules unless the"
                        + " quota is raised, and the VPC's block takes one");
    }

    @Test
    void theSwitchAndTheListMustHaveTheirTypes() {
        Stacks.assertRefused(Stacks.hub(Map.of("notebookPrivateAccess", "yes", "notebookUserCidrs", "10.100.0.0/16"),
                        e -> e), "has 2 configuration problems",
                "bedrock-stream:notebookPrivateAccess = \"yes\": expected true or false",
                KEY + "\"10.100.0.0/16\": expected a list of strings: private IPv4 blocks such as [\"10.100.0.0/16\"]");
    }

    @Test
    void aSpokeChecksItsCorporateRangesToo() {
        Stacks.assertRefused(Stacks.spoke("app-apse1", Map.of("notebookUserCidrs", "[\"0.0.0.0/0\"]"), e -> e).spoke(),
                "Stack 'app-apse1' has 1 configuration problem",
                KEY + "\"0.0.0.0/0\": expected a private (RFC 1918) range");
    }

    @Test
    void theMlStackDoesNotTakeTheNotebookKeys() {
        Stacks.assertRefused(Stacks.mlWith(Map.of("notebookPrivateAccess", "false")),
                "bedrock-stream:notebookPrivateAccess = \"false\": expected no value: role 'ml' does not use"
                        + " notebookPrivateAccess; remove it from Pulumi.ml-use1.yaml");
    }
}
