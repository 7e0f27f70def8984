package com.example.bedrockstream.config;

import com.example.bedrockstream.Program;
import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.compute.LambdaArtifacts;
import com.example.bedrockstream.domain.AwsNames;
import com.example.bedrockstream.domain.Role;
import com.example.bedrockstream.offline.OfflineRun;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stack name is checked against every name its role derives from it, before anything is registered. */
class StackNamesTest {

    /** The trail's bucket name carries the account and the region, so it sets the limit where the stack owns a trail. */
    @Test
    void aFiftyCharacterMlStackNameIsRefusedWithTheLongestAllowed() {
        String name = "ml-" + "x".repeat(47);
        Stacks.assertRefused(Stacks.mlNamed(name), "Stack '" + name + "' has 1 configuration problem",
                "stack name = \"" + name + "\": expected a stack name of at most 34 characters from letters, digits,"
                        + " '-' for role 'ml', because AWS would refuse names derived from it: S3 bucket name \""
                        + name + "-trail-444455556666-us-east-1\" has 79 characters, at most 63; IAM role name \""
                        + name + "-bedrock-invoker\" has 66 characters, at most 64");
    }

    @Test
    void aDottedMlStackNameIsRefusedForTheNamesThatCannotHoldADot() {
        Stacks.assertRefused(Stacks.mlNamed("ml.use1"), "Stack 'ml.use1' has 1 configuration problem",
                "stack name = \"ml.use1\": expected a stack name of at most 34 characters from letters, digits, '-'"
                        + " for role 'ml', because AWS would refuse names derived from it: KMS alias"
                        + " \"alias/ml.use1-logs\" may only hold alias/ then [A-Za-z0-9/_-]; KMS alias"
                        + " \"alias/ml.use1-audit-trail\" may only hold alias/ then [A-Za-z0-9/_-]; Route 53 Resolver name"
                        + " \"ml.use1-dns-queries\" may only hold [A-Za-z0-9_ -]; Lambda function name"
                        + " \"ml.use1-ml-stream\" may only hold [A-Za-z0-9_-]");
    }

    @Test
    void aFortyTwoCharacterHubStackNameIsRefusedBeforeAnythingIsRegistered() {
        String name = "app-" + "y".repeat(38);
        Stacks.assertRefused(Stacks.hubNamed(name), "Stack '" + name + "' has 1 configuration problem",
                "stack name = \"" + name + "\": expected a stack name of at most 34 characters from letters, digits,"
                        + " '-' for role 'app-hub' with caller prefix 'bedrock-app-', because AWS would refuse names"
                        + " derived from it: S3 bucket name \"" + name + "-trail-111122223333-us-east-1\" has 71"
                        + " characters, at most 63; IAM role name \"bedrock-app-" + name + "-app-invoker\" has 66"
                        + " characters, at most 64; SageMaker name \"" + name + "-bedrock-sample-sample\" has 64"
                        + " characters, at most 63");
    }

    @Test
    void theLongestAllowedNamesPass() {
        var ml = Stacks.mlNamed("ml-" + "x".repeat(31));
        assertTrue(ml.succeeded(), ml.errorText());
        var hub = Stacks.hubNamed("app-" + "y".repeat(30));
        assertTrue(hub.succeeded(), hub.errorText());
    }

    /** Without a trail of its own there is no bucket, and the next shortest limit applies again. */
    @Test
    void anMlStackCoveredByAnOrganizationTrailMayHaveALongerName() {
        var engine = Stacks.engine();
        String name = "ml-" + "x".repeat(45);
        var run = engine.run(name, "ml-use1", Map.of(Stacks.NS + "auditTrail", "organization"), Stacks.SECRETS,
                ctx -> Program.run(ctx, new LambdaArtifacts(engine.files().root())));
        assertTrue(run.succeeded(), run.errorText());
    }

    /** S3 takes no capital letter, so the bucket name is the stack name in lower case; an underscore it cannot take. */
    @Test
    void aCapitalisedMlStackNameNamesALowerCaseBucketAndAnUnderscoreIsRefused() {
        var capitalised = Stacks.mlNamed("ML-use1");
        assertTrue(capitalised.succeeded(), capitalised.errorText());
        assertEquals("ml-use1-trail-444455556666-us-east-1",
                capitalised.one("aws:s3/bucketV2:BucketV2", r -> true).string("bucket"));
        Stacks.assertRefused(Stacks.mlNamed("ml_use1"), "S3 bucket name \"ml_use1-trail-444455556666-us-east-1\""
                + " may only hold lowercase letters, digits, '.' and '-', starting and ending with a letter or digit");
    }

    /** Switched on, model-invocation logging registers a role and a log group the check knows about. */
    @Test
    void theCheckCoversTheModelInvocationLoggingNames() {
        var run = Stacks.mlWith(Map.of("modelInvocationLogging", "true"));
        assertTrue(run.succeeded(), run.errorText());
        var derived = StackNames.of(Role.ML, "ml-use1", "", true, true, true,
                new StackNames.AuditNames("444455556666", "us-east-1", true, true, true)).stream()
                .map(StackNames.Derived::name).collect(Collectors.toSet());
        var registered = run.ofType("aws:iam/role:Role").stream().map(r -> r.string("name")).collect(Collectors.toSet());
        run.ofType("aws:cloudwatch/logGroup:LogGroup").forEach(g -> registered.add(g.string("name")));
        assertTrue(registered.contains("ml-use1-bedrock-invocation-logs"), registered.toString());
        assertEquals(Set.of(), registered.stream().filter(n -> !derived.contains(n)).collect(Collectors.toSet()));
    }

    /** Every name-checked resource the committed stacks register is one the check knows about. */
    @Test
    void theCheckCoversEveryNameTheStacksRegister() {
        var chain = Stacks.spoke();
        for (OfflineRun run : new OfflineRun[]{chain.ml(), chain.hub(), chain.spoke()}) {
            Role role = Role.fromConfig(Stacks.files().config(run.stack()).get(Stacks.NS + "role")).orElseThrow();
            var common = Stacks.files().config(run.stack());
            var audit = new StackNames.AuditNames(common.get(Stacks.NS + "accountId"), common.get("aws:region"),
                    role != Role.APP_SPOKE, true, role == Role.ML);
            Set<String> derived = StackNames.of(role, run.stack(), role == Role.ML ? "" : "bedrock-app-", true, true,
                    true, audit)
                    .stream().map(d -> d.rule() == AwsNames.SECURITY_GROUP
                            ? d.name().substring(0, d.name().length() - StackNames.AUTONAME_SUFFIX) : d.name())
                    .collect(Collectors.toSet());
            var named = Map.of("aws:iam/role:Role", "name", "aws:lambda/function:Function", "name",
                    "aws:kms/alias:Alias", "name", "aws:cloudwatch/logGroup:LogGroup", "name",
                    "aws:sagemaker/notebookInstance:NotebookInstance", "name", "aws:iam/policy:Policy", "name",
                    "aws:sagemaker/notebookInstanceLifecycleConfiguration:NotebookInstanceLifecycleConfiguration", "name",
                    "aws:s3/bucketV2:BucketV2", "bucket", "aws:cloudtrail/trail:Trail", "name",
                    "aws:route53/resolverQueryLogConfig:ResolverQueryLogConfig", "name");
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
