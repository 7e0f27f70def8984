package com.example.bedrockstream.policy;

import com.example.bedrockstream.Policies;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The flow-log delivery role of every stack: what AWS documents, scoped to the stack's flow-log group. */
class FlowLogsPoliciesTest {

    private static void assertDeliveryRole(OfflineRun run, String stack, String account) {
        var role = run.named("aws:iam/role:Role", stack + "-flow-logs");
        var trust = Policies.parse(role.string("assumeRolePolicy"));
        assertEquals(1, trust.size());
        var assume = trust.get(0);
        assertEquals("FlowLogsDelivery", assume.sid());
        assertEquals(Map.of("Service", List.of("vpc-flow-logs.amazonaws.com")), assume.principal());
        assertEquals(List.of("sts:AssumeRole"), assume.actions());
        // Confused deputy: only flow logs owned by this account, in this region.
        assertEquals(Map.of(
                "StringEquals", Map.of("aws:SourceAccount", List.of(account)),
                "ArnLike", Map.of("aws:SourceArn", List.of("arn:aws:ec2:us-east-1:" + account + ":vpc-flow-log/*"))),
                assume.conditions());

        String group = "arn:aws:logs:us-east-1:" + account + ":log-group:/vpc/flow-logs/" + stack;
        var policy = Policies.parse(run.named("aws:iam/rolePolicy:RolePolicy", stack + "-flow-logs-deliver-flow-logs")
                .string("policy"));
        assertEquals(List.of("DeliverFlowLogs", "FindFlowLogGroup"), policy.stream().map(Policies.Stmt::sid).toList());
        var deliver = policy.get(0);
        assertEquals(List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "logs:DescribeLogStreams"),
                deliver.actions());
        // The ":*" form: AWS authorises CreateLogGroup and DescribeLogStreams on it, and it covers the streams.
        assertEquals(List.of(group + ":*"), deliver.resources());
        assertEquals(Map.of(), deliver.conditions());
        var find = policy.get(1);
        assertEquals(List.of("logs:DescribeLogGroups"), find.actions());
        assertEquals(List.of("arn:aws:logs:us-east-1:" + account + ":log-group:*"), find.resources());
        assertEquals(run.named("aws:ec2/flowLog:FlowLog", stack).string("logDestination"), group);
    }

    @Test
    void everyDocumentedPermissionOnTheFlowLogGroupOnly() {
        var documented = List.of("logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents",
                "logs:DescribeLogGroups", "logs:DescribeLogStreams");
        var granted = Policies.parse(FlowLogsPolicies.deliverTo("arn:aws:logs:eu-west-1:123456789012:log-group:/vpc/x").toJson())
                .stream().flatMap(s -> s.actions().stream()).sorted().toList();
        assertEquals(documented.stream().sorted().toList(), granted);
    }

    @Test
    void mlAndHubDeliveryRoles() {
        assertDeliveryRole(Stacks.ml(), "ml-use1", "444455556666");
        assertDeliveryRole(Stacks.hub(), "app-use1", "111122223333");
    }
}
