package com.example.bedrockstream.stacks;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every VPC of every stack has its DNS queries logged, to an encrypted group only Resolver's delivery may write. */
class DnsQueryLoggingTest {
    static final String CONFIG = "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig";
    static final String ASSOCIATION = "aws:route53/resolverQueryLogConfigAssociation:ResolverQueryLogConfigAssociation";
    static final String POLICY = "aws:cloudwatch/logResourcePolicy:LogResourcePolicy";
    static final Map<String, String> ACCOUNTS = Map.of("ml-use1", "444455556666", "app-use1", "111122223333",
            "app-apse1", "111122223333");
    static final Map<String, String> REGIONS = Map.of("ml-use1", "us-east-1", "app-use1", "us-east-1",
            "app-apse1", "ap-southeast-1");
    static final Map<String, StackOutput<String>> OUTPUTS = Map.of("ml-use1", MlOutputs.DNS_QUERY_LOG_GROUP,
            "app-use1", HubOutputs.DNS_QUERY_LOG_GROUP, "app-apse1", SpokeOutputs.DNS_QUERY_LOG_GROUP);

    static List<OfflineRun> runs;

    @BeforeAll
    static void deploy() {
        var chain = Stacks.spoke();
        runs = List.of(chain.ml(), chain.hub(), chain.spoke());
        runs.forEach(run -> assertTrue(run.succeeded(), run.errorText()));
    }

    @Test
    void everyVpcOfEveryStackIsAssociatedWithItsStacksQueryLogConfiguration() {
        for (OfflineRun run : runs) {
            String config = PerimeterAssertions.idOf(run, CONFIG, run.stack() + "-dns-queries");
            var vpcIds = run.ofType("aws:ec2/vpc:Vpc").stream().map(v -> PerimeterAssertions.id(run, v)).toList();
            assertEquals(1, vpcIds.size(), run.stack());
            assertEquals(vpcIds, run.ofType(ASSOCIATION).stream().map(a -> a.string("resourceId")).toList(), run.stack());
            run.ofType(ASSOCIATION).forEach(a -> assertEquals(config, a.string("resolverQueryLogConfigId"), run.stack()));
        }
    }

    @Test
    void queriesGoToAnEncryptedLogGroupWithTheStacksRetention() {
        for (OfflineRun run : runs) {
            String group = "/route53resolver/query-logs/" + run.stack();
            String groupArn = "arn:aws:logs:" + REGIONS.get(run.stack()) + ":" + ACCOUNTS.get(run.stack()) + ":log-group:" + group;
            var config = run.named(CONFIG, run.stack() + "-dns-queries");
            assertEquals(run.stack() + "-dns-queries", config.string("name"));
            assertEquals(groupArn, config.string("destinationArn"));
            var logGroup = run.one("aws:cloudwatch/logGroup:LogGroup", g -> g.string("name").equals(group));
            String logsKey = PerimeterAssertions.stateOf(run, run.named("aws:kms/key:Key", run.stack() + "-logs"), "arn");
            assertEquals(logsKey, logGroup.string("kmsKeyId"), run.stack());
            assertEquals(90, ((Number) logGroup.input("retentionInDays").orElseThrow()).intValue(), run.stack());
            assertEquals(group, run.outputs().get(OUTPUTS.get(run.stack()).name()));
        }
    }

    /** CloudWatch Logs encrypts what Resolver's delivery writes with the logs key, which must admit this group. */
    @Test
    void theLogsKeyAdmitsCloudWatchLogsForTheQueryLogGroup() {
        for (OfflineRun run : runs) {
            var logs = Policies.statement(run.named("aws:kms/key:Key", run.stack() + "-logs").string("policy"),
                    "CloudWatchLogsUsesKey");
            String pattern = logs.condition("ArnLike", "kms:EncryptionContext:aws:logs:arn").get(0);
            String groupArn = run.named(CONFIG, run.stack() + "-dns-queries").string("destinationArn");
            assertTrue(Pattern.matches(Pattern.quote(pattern).replace("*", "\\E.*\\Q"), groupArn), pattern + " " + groupArn);
            assertEquals(Map.of("Service", List.of("logs." + REGIONS.get(run.stack()) + ".amazonaws.com")), logs.principal());
        }
    }

    @Test
    void onlyResolversLogDeliveryOfThisAccountMayWriteTheGroupAndTheConfigurationWaitsForIt() {
        for (OfflineRun run : runs) {
            String account = ACCOUNTS.get(run.stack());
            String region = REGIONS.get(run.stack());
            var policy = run.named(POLICY, run.stack() + "-dns-queries");
            assertEquals(run.stack() + "-dns-queries", policy.string("policyName"));
            var statements = Policies.parse(policy.string("policyDocument"));
            assertEquals(1, statements.size());
            var deliver = statements.get(0);
            assertEquals("DeliverResolverQueryLogs", deliver.sid());
            assertEquals("Allow", deliver.effect());
            assertEquals(Map.of("Service", List.of("delivery.logs.amazonaws.com")), deliver.principal());
            assertEquals(List.of("logs:CreateLogStream", "logs:PutLogEvents"), deliver.actions());
            assertEquals(List.of("arn:aws:logs:" + region + ":" + account + ":log-group:/route53resolver/query-logs/"
                    + run.stack() + ":log-stream:*"), deliver.resources());
            assertEquals(Map.of("StringEquals", Map.of("aws:SourceAccount", List.of(account)),
                    "ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:logs:" + region + ":" + account + ":*"))),
                    deliver.conditions());
            assertEquals(List.of(run.stack() + "-dns-queries"), run.named(CONFIG, run.stack() + "-dns-queries").dependsOn());
        }
    }

    @Test
    void switchedOffNoStackLogsQueriesAndEachSaysSo() {
        var chain = Stacks.spoke("app-apse1", Map.of("dnsQueryLogging", "false"), exports -> exports);
        var ml = Stacks.mlWith(Map.of("dnsQueryLogging", "false"));
        var hub = Stacks.hub(Map.of("dnsQueryLogging", "false"), exports -> exports);
        for (OfflineRun run : List.of(ml, hub, chain.spoke())) {
            assertTrue(run.succeeded(), run.errorText());
            for (String type : List.of(CONFIG, ASSOCIATION, POLICY)) {
                assertEquals(List.of(), run.ofType(type), run.stack() + " " + type);
            }
            assertTrue(run.ofType("aws:cloudwatch/logGroup:LogGroup").stream()
                    .noneMatch(g -> g.string("name").startsWith("/route53resolver/")), run.stack());
            assertEquals("off", run.outputs().get(OUTPUTS.get(run.stack()).name()), run.stack());
        }
    }
}
