package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.policy.NotebookAccessPolicies;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.example.bedrockstream.offline.path.PathAssertions.HUB_NOTEBOOK_USER;
import static com.example.bedrockstream.offline.path.PathAssertions.SPOKE_NOTEBOOK_USER;
import static com.example.bedrockstream.offline.path.PathAssertions.onlyBrokenUsers;
import static com.example.bedrockstream.offline.path.PathRuns.adding;
import static com.example.bedrockstream.offline.path.PathRuns.committed;
import static com.example.bedrockstream.offline.path.PathRuns.copy;
import static com.example.bedrockstream.offline.path.PathRuns.resource;
import static com.example.bedrockstream.offline.path.PathRuns.withInput;
import static com.example.bedrockstream.offline.path.PathRuns.without;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One variation per hop of a notebook user's way in, on the committed runs' resources. Each leaves every resource
 * valid on its own and breaks exactly one hop, for exactly the notebook it concerns; the callers' paths still hold.
 */
class NotebookUserPathMutationTest {
    private static final String POLICY = "aws:iam/policy:Policy";
    private static final String ANOTHER_VPCE = "vpce-0a1b2c3d4e5f60718";

    private static List<NotebookUserPath> prove(List<OfflineRun> runs) {
        assertTrue(PathProof.evaluate(runs).stream().allMatch(CallerPath::passed), "the callers' paths are untouched");
        return PathProof.notebookUsers(runs);
    }

    private static String id(String type, String name) {
        return String.valueOf(resource(committed(), type, name).state().get("id"));
    }

    private static String notebookArn(String stack) {
        return String.valueOf(resource(committed(), AwsTypes.NOTEBOOK, stack + "-bedrock-sample").state().get("arn"));
    }

    @Test
    void hop1AUserPolicyNamingAnotherApiEndpointCannotGetTheUrl() {
        String policy = NotebookAccessPolicies.notebookUsers(notebookArn("app-use1"), ANOTHER_VPCE,
                id(AwsTypes.ENDPOINT, "app-use1-notebook-access-sagemaker-notebook")).toJson();
        var runs = withInput(committed(), POLICY, "app-use1-notebook-access-users", "policy", policy);
        onlyBrokenUsers(prove(runs), NotebookUserHop.USER_POLICY, List.of(HUB_NOTEBOOK_USER),
                "do not allow sagemaker:CreatePresignedNotebookInstanceUrl through the sagemaker.api endpoint vpce-");
    }

    /** AWS's own example allows through the endpoints without a deny: another grant of the user still opens it. */
    @Test
    void hop1AUserPolicyWithoutTheDenyLeavesThePublicEndpointOpenToOtherGrants() {
        var policy = JsonParser.parseString(String.valueOf(resource(committed(), POLICY,
                "app-apse1-notebook-access-users").inputs().get("policy"))).getAsJsonObject();
        policy.getAsJsonArray("Statement").remove(2);
        var runs = withInput(committed(), POLICY, "app-apse1-notebook-access-users", "policy", policy.toString());
        onlyBrokenUsers(prove(runs), NotebookUserHop.USER_POLICY, List.of(SPOKE_NOTEBOOK_USER),
                "do not deny sagemaker:CreatePresignedNotebookInstanceUrl through the public endpoint");
    }

    @Test
    void hop2AnApiEndpointWithPrivateDnsOffLeavesTheSageMakerNamePublic() {
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-apse1-notebook-access-sagemaker-api",
                "privateDnsEnabled", false);
        onlyBrokenUsers(prove(runs), NotebookUserHop.API_DNS, List.of(SPOKE_NOTEBOOK_USER),
                "has private DNS off, so api.sagemaker.ap-southeast-1.amazonaws.com resolves to the public endpoint");
    }

    @Test
    void hop3ANotebookEndpointWithPrivateDnsOffLeavesTheNotebookUrlPublic() {
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-use1-notebook-access-sagemaker-notebook",
                "privateDnsEnabled", false);
        onlyBrokenUsers(prove(runs), NotebookUserHop.NOTEBOOK_DNS, List.of(HUB_NOTEBOOK_USER),
                "so app-use1-bedrock-sample.notebook.us-east-1.sagemaker.aws resolves to the public endpoint");
    }

    /** The notebook's own subnet is still admitted (its logs pass); users elsewhere in the VPC are not. */
    @Test
    void hop4ARuleForHalfTheVpcBlockShutsOutUsersInTheOtherHalf() {
        var runs = withInput(committed(), AwsTypes.INGRESS_RULE, "app-use1-notebook-access-https-from-vpc", "cidrIpv4",
                "10.20.0.0/23");
        onlyBrokenUsers(prove(runs), NotebookUserHop.ADMISSION, List.of(HUB_NOTEBOOK_USER),
                "admit no 443 from the VPC's block 10.20.0.0/22 (they admit [10.20.0.0/23])");
    }

    @Test
    void hop4ARuleForAPublicBlockLetsTheInternetKnock() {
        var rule = resource(committed(), AwsTypes.INGRESS_RULE, "app-apse1-notebook-access-https-from-vpc");
        var runs = adding(committed(), "app-apse1", copy(rule, rule.name() + "-public", "cidrIpv4", "203.0.113.0/24"));
        onlyBrokenUsers(prove(runs), NotebookUserHop.ADMISSION, List.of(SPOKE_NOTEBOOK_USER),
                "admit 443 from 203.0.113.0/24, which is not private address space");
    }

    @Test
    void hop5AnApiEndpointPolicyForAnotherNotebookRefusesThisOne() {
        String policy = NotebookAccessPolicies.sagemakerApiEndpoint("111122223333",
                notebookArn("app-apse1") + "-v2").toJson();
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-apse1-notebook-access-sagemaker-api", "policy", policy);
        onlyBrokenUsers(prove(runs), NotebookUserHop.ENDPOINT_POLICIES, List.of(SPOKE_NOTEBOOK_USER),
                "the policy of app-apse1-notebook-access-sagemaker-api refuses sagemaker:CreatePresignedNotebookInstanceUrl");
    }

    @Test
    void hop5ANotebookEndpointPolicyForEveryNotebookAdmitsTheOthers() {
        String arn = notebookArn("app-use1");
        String policy = NotebookAccessPolicies.notebookEndpoint("111122223333",
                arn.substring(0, arn.lastIndexOf('/') + 1) + "*").toJson();
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-use1-notebook-access-sagemaker-notebook", "policy",
                policy);
        onlyBrokenUsers(prove(runs), NotebookUserHop.ENDPOINT_POLICIES, List.of(HUB_NOTEBOOK_USER),
                "admits " + arn + "-other");
    }

    @Test
    void hop6ANotebookThatMaySendNoHttpsToItsLogsEndpointLosesItsLifecycleLogs() {
        var runs = without(committed(), AwsTypes.EGRESS_RULE, "app-use1-bedrock-sample-https-to-notebook-access");
        onlyBrokenUsers(prove(runs), NotebookUserHop.NOTEBOOK_LOGS, List.of(HUB_NOTEBOOK_USER),
                "app-use1-bedrock-sample's groups");
    }

    @Test
    void hop6ALogsEndpointPolicyForAnotherNotebookRefusesThisOnesStreams() {
        String policy = NotebookAccessPolicies.logsEndpoint("111122223333", "ap-southeast-1",
                "app-apse1-other-notebook").toJson();
        var runs = withInput(committed(), AwsTypes.ENDPOINT, "app-apse1-notebook-access-logs", "policy", policy);
        onlyBrokenUsers(prove(runs), NotebookUserHop.NOTEBOOK_LOGS, List.of(SPOKE_NOTEBOOK_USER),
                "refuses logs:PutLogEvents on arn:aws:logs:ap-southeast-1:111122223333:log-group:/aws/sagemaker/"
                        + "NotebookInstances:log-stream:app-apse1-bedrock-sample/LifecycleConfigOnCreate");
    }
}
