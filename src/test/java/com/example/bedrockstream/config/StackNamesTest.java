package com.example.bedrockstream.config;

import com.example.bedrockstream.Role;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack name is checked against every name its role derives from it, before anything is registered. */
class StackNamesTest {

    @Test
    void aFiftyCharacterMlStackNameIsRefusedWithTheLongestAllowed() {
        String name = "ml-" + "x".repeat(47);
        Stacks.assertRefused(Stacks.mlNamed(name), "Stack '" + name + "' has 1 configuration problem",
                "stack name = \"" + name + "\": expected a stack name of at most 48 characters from letters, digits,"
                        + " '-', '_' for role 'ml', because AWS would refuse names derived from it: IAM role name \""
                        + name + "-bedrock-invoker\" has 66 characters, at most 64");
    }

    @Test
    void aDottedMlStackNameIsRefusedForTheNamesThatCannotHoldADot() {
        Stacks.assertRefused(Stacks.mlNamed("ml.use1"), "Stack 'ml.use1' has 1 configuration problem",
                "stack name = \"ml.use1\": expected a stack name of at most 48 characters from letters, digits, '-',"
                        + " '_' for role 'ml', because AWS would refuse names derived from it: KMS alias"
                        + " \"alias/ml.use1-logs\" may only hold alias/ then [A-Za-z0-9/_-]; Lambda function name"
                        + " \"ml.use1-ml-stream\" may only hold [A-Za-z0-9_-]");
    }

    @Test
    void aFortyTwoCharacterHubStackNameIsRefusedBeforeAnythingIsRegistered() {
        String name = "app-" + "y".repeat(38);
        Stacks.assertRefused(Stacks.hubNamed(name), "Stack '" + name + "' has 1 configuration problem",
                "stack name = \"" + name + "\": expected a stack name of at most 40 characters from letters, digits,"
                        + " '-' for role 'app-hub' with caller prefix 'bedrock-app-', because AWS would refuse names"
                        + " derived from it: IAM role name \"bedrock-app-" + name + "-app-invoker\" has 66 characters,"
                        + " at most 64; SageMaker name \"" + name + "-bedrock-sample-sample\" has 64 characters, at most 63");
    }

    @Test
    void theLongestAllowedNamesPass() {
        assertTrue(Stacks.mlNamed("ml-" + "x".repeat(45)).succeeded());
        var hub = Stacks.hubNamed("app-" + "y".repeat(36));
        assertTrue(hub.succeeded(), hub.errorText());
    }

    /** Every name-checked resource the committed stacks register is one the check knows about. */
    @Test
    void theCheckCoversEveryNameTheStacksRegister() {
        var chain = Stacks.spoke();
        for (OfflineRun run : new OfflineRun[]{chain.ml(), chain.hub(), chain.spoke()}) {
            Role role = Role.fromConfig(Stacks.files().config(run.stack()).get(Stacks.NS + "role")).orElseThrow();
            Set<String> derived = StackNames.of(role, run.stack(), role == Role.ML ? "" : "bedrock-app-", true, true,
                            true)
                    .stream().map(d -> d.rule() == AwsNames.SECURITY_GROUP
                            ? d.name().substring(0, d.name().length() - StackNames.AUTONAME_SUFFIX) : d.name())
                    .collect(Collectors.toSet());
            var named = Map.of("aws:iam/role:Role", "name", "aws:lambda/function:Function", "name",
                    "aws:kms/alias:Alias", "name", "aws:cloudwatch/logGroup:LogGroup", "name",
                    "aws:sagemaker/notebookInstance:NotebookInstance", "name", "aws:iam/policy:Policy", "name",
                    "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "name");
            var registered = run.resources().stream()
                    .filter(r -> named.containsKey(r.type()) || r.type().equals("aws:ec2/securityGroup:SecurityGroup"))
                    .map(r -> r.type().equals("aws:ec2/securityGroup:SecurityGroup") ? r.name()
                            : String.valueOf(r.input(named.get(r.type())).orElseThrow()))
                    .collect(Collectors.toSet());
            assertEquals(Set.of(), registered.stream().filter(n -> !derived.contains(n)).collect(Collectors.toSet()),
                    run.stack() + " registers names the stack-name check does not know");
        }
    }
}
