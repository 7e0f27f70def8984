package com.example.bedrockstream.preflight;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.config.StackConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The preflight against moto's server (the account, IAM, EC2, SageMaker) and a stub of what moto lacks (Lambda's
 * concurrency settings, Bedrock's model APIs, Service Quotas' values), through the SDK's real clients.
 */
class PreflightTest {
    static final String ML_ACCOUNT = "444455556666";
    static final String APP_ACCOUNT = "111122223333";
    static final String TGW_ROLE = "AWSServiceRoleForVPCTransitGateway";

    @RegisterExtension
    static final MotoServer MOTO = new MotoServer();

    /** Planned once per stack: the offline chain takes a few seconds. */
    private static final Map<String, PlannedStack> PLANS = new HashMap<>();

    AccountApiStub stub;

    @BeforeEach
    void ordinaryAccounts() throws Exception {
        MOTO.reset();
        stub = AccountApiStub.ordinaryAccount();
        // An account that has used a Transit Gateway before has its service-linked role (moto names roles it creates
        // itself differently from AWS, so it is set up as AWS names it).
        serviceLinkedRole(APP_ACCOUNT);
    }

    @AfterEach
    void stopStub() {
        stub.close();
    }

    AwsClients aws(String account) {
        return new AwsClients(StaticCredentialsProvider.create(AwsBasicCredentials.create("testing", "testing")),
                Map.of("sts", MOTO.endpoint(), "iam", MOTO.endpoint(), "ec2", MOTO.endpoint(),
                        "sagemaker", MOTO.endpoint(), "monitoring", MOTO.endpoint(),
                        "lambda", stub.endpoint(), "bedrock", stub.endpoint(), "servicequotas", stub.endpoint()),
                Map.of("x-moto-account-id", account));
    }

    void serviceLinkedRole(String account) {
        try (var iam = aws(account).iam()) {
            iam.createRole(r -> r.roleName(TGW_ROLE).path("/aws-service-role/transitgateway.amazonaws.com/")
                    .assumeRolePolicyDocument("{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\","
                            + "\"Principal\":{\"Service\":\"transitgateway.amazonaws.com\"},\"Action\":\"sts:AssumeRole\"}]}"));
        }
    }

    static String accountOf(String stack) {
        return stack.startsWith("ml-") ? ML_ACCOUNT : APP_ACCOUNT;
    }

    record Outcome(int exit, String text) {
    }

    Outcome preflight(String stack, String account) {
        var bytes = new ByteArrayOutputStream();
        var out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int exit = new CommandLine(new Preflight(out, aws(account))).execute(stack);
        return new Outcome(exit, bytes.toString(StandardCharsets.UTF_8));
    }

    static PlannedStack plan(String stack) {
        return PLANS.computeIfAbsent(stack, s -> PlannedStack.of(Stacks.files(), s));
    }

    @ParameterizedTest
    @ValueSource(strings = {"ml-use1", "app-use1", "app-apse1"})
    void theCommittedStackFilesPassOnAnOrdinaryAccount(String stack) {
        var outcome = preflight(stack, accountOf(stack));
        assertEquals(0, outcome.exit(), outcome.text());
        assertFalse(outcome.text().contains("FAIL"), outcome.text());
        assertTrue(outcome.text().contains("pass  account: credentials of "), outcome.text());
        assertTrue(outcome.text().contains("pass  lambda concurrency: quota 1000, unreserved 1000, this stack reserves "
                + (stack.startsWith("ml-") ? "20" : "10")), outcome.text());
        assertTrue(outcome.text().contains("pass  endpoint zones: "), outcome.text());
        if (stack.startsWith("ml-")) {
            for (String model : List.of("us.anthropic.claude-haiku-4-5-20251001-v1:0",
                    "us.anthropic.claude-sonnet-4-5-20250929-v1:0", "amazon.nova-lite-v1:0")) {
                assertTrue(outcome.text().contains("pass  model " + model + ": Active, usable by the account"), outcome.text());
            }
        } else {
            assertTrue(outcome.text().contains("pass  service-linked role " + TGW_ROLE + ": exists"), outcome.text());
            assertTrue(outcome.text().contains("pass  quota Interface VPC endpoints per VPC: quota 50, in use 0"), outcome.text());
            assertTrue(outcome.text().contains("pass  quota Transit gateways per account: quota 5, in use 0, the stack adds 1"),
                    outcome.text());
            assertTrue(outcome.text().contains("pass  quota ml.t3.medium for notebook instance usage: quota 4, in use 0,"
                    + " the stack adds 1"), outcome.text());
        }
    }

    @Test
    void onANewAccountTheMlStackFailsAndSaysWhichQuotaToRaise() {
        stub.asNewAccount();
        var outcome = preflight("ml-use1", ML_ACCOUNT);
        assertEquals(1, outcome.exit());
        assertTrue(outcome.text().contains("FAIL  lambda concurrency: quota 10, unreserved 10, this stack reserves 20"
                + " {ml-use1-ml-stream=20}: -10 would stay unreserved, AWS requires 100\n        fix: raise the quota in"
                + " us-east-1 to at least 120 (Service Quotas, AWS Lambda, \"Concurrent executions\" (L-B99A9384))"),
                outcome.text());
    }

    @ParameterizedTest
    @ValueSource(strings = {"app-use1", "app-apse1"})
    void onANewAccountAnApplicationStackFailsAndNamesTheConfigChange(String stack) {
        stub.asNewAccount();
        var outcome = preflight(stack, APP_ACCOUNT);
        assertEquals(1, outcome.exit());
        assertTrue(outcome.text().contains("FAIL  lambda concurrency: quota 10, unreserved 10, this stack reserves 10"),
                outcome.text());
        assertTrue(outcome.text().contains("fix: raise the quota in " + plan(stack).region() + " to at least 110"
                + " (Service Quotas, AWS Lambda, \"Concurrent executions\" (L-B99A9384)), or set"
                + " bedrock-stream:appFunctionReservedConcurrency: 0 in Pulumi." + stack + ".yaml"), outcome.text());
    }

    @Test
    void aReservationTheFunctionAlreadyHoldsCountsAsItsOwn() {
        stub.concurrencyQuota = 130;
        stub.unreservedConcurrency = 110;
        stub.functionConcurrency.put("ml-use1-ml-stream", 20);
        var results = new ConcurrencyCheck().run(plan("ml-use1"), aws(ML_ACCOUNT));
        assertTrue(results.get(0).passed(), results.get(0).line());
    }

    @Test
    void credentialsOfAnotherAccountFail() {
        var outcome = preflight("ml-use1", APP_ACCOUNT);
        assertEquals(1, outcome.exit());
        assertTrue(outcome.text().contains("FAIL  account: the credentials (arn:aws:sts::" + APP_ACCOUNT), outcome.text());
        assertTrue(outcome.text().contains("are account " + APP_ACCOUNT + ", the stack file's accountId is " + ML_ACCOUNT),
                outcome.text());
    }

    @Test
    void aLegacyModelFailsWithItsReplacementAdvice() {
        stub.modelStatus.put("anthropic.claude-sonnet-4-5-20250929-v1:0", "LEGACY");
        var results = new ModelsCheck().run(plan("ml-use1"), aws(ML_ACCOUNT));
        var sonnet = results.get(1);
        assertEquals("model us.anthropic.claude-sonnet-4-5-20250929-v1:0", sonnet.check());
        assertFalse(sonnet.passed());
        assertTrue(sonnet.detail().startsWith("anthropic.claude-sonnet-4-5-20250929-v1:0 is LEGACY in us-east-1;"),
                sonnet.detail());
        assertTrue(sonnet.fix().contains("a model AWS lists as Active"), sonnet.fix());
        assertTrue(results.get(0).passed() && results.get(2).passed(), results.toString());
    }

    @Test
    void aModelWithoutTheAccountsAgreementFails() {
        stub.agreement.put("anthropic.claude-haiku-4-5-20251001-v1:0", "NOT_AVAILABLE");
        var haiku = new ModelsCheck().run(plan("ml-use1"), aws(ML_ACCOUNT)).get(0);
        assertFalse(haiku.passed());
        assertTrue(haiku.detail().startsWith("no agreement for it in this account (NOT_AVAILABLE)"), haiku.detail());
        assertTrue(haiku.fix().contains("aws-marketplace:Subscribe"), haiku.fix());
    }

    @Test
    void aModelBedrockDoesNotKnowFails() {
        stub.profiles.remove("us.anthropic.claude-haiku-4-5-20251001-v1:0");
        var haiku = new ModelsCheck().run(plan("ml-use1"), aws(ML_ACCOUNT)).get(0);
        assertFalse(haiku.passed());
        assertTrue(haiku.detail().startsWith("Bedrock did not describe it: The inference profile"), haiku.detail());
    }

    @Test
    void aMissingServiceLinkedRoleFailsWithTheCommandThatCreatesIt() throws Exception {
        MOTO.reset();
        var results = new ServiceLinkedRolesCheck().run(plan("app-use1"), aws(APP_ACCOUNT));
        assertEquals(1, results.size());
        assertFalse(results.get(0).passed());
        assertTrue(results.get(0).fix().startsWith("create it once (free): aws iam create-service-linked-role"
                + " --aws-service-name transitgateway.amazonaws.com"), results.get(0).fix());
    }

    @Test
    void aZoneWithoutTheEndpointServicesFails() {
        var planned = plan("app-use1");
        var c = planned.config();
        var common = new CommonSettings(c.common().stack(), c.common().role(), c.common().region(), c.common().accountId(),
                c.common().vpcCidr(), List.of("us-east-1a", "us-east-1g"), c.common().logRetentionDays(), c.common().aws());
        var moved = new PlannedStack(new StackConfig(common, c.roleSettings(), c.audit(), c.monitoring()),
                planned.run());
        var results = new EndpointZonesCheck().run(moved, aws(APP_ACCOUNT));
        assertEquals(5, results.size(), results.toString());
        assertTrue(results.stream().noneMatch(CheckResult::passed));
        assertTrue(results.get(0).detail().startsWith("zones that offer com.amazonaws.us-east-1.sts, but [us-east-1g] does"
                + " not in account " + APP_ACCOUNT), results.get(0).detail());
    }

    @Test
    void quotasWithoutRoomFail() {
        stub.quotas.get("vpc").put("Interface VPC endpoints per VPC", 3.0);
        try (var ec2 = aws(APP_ACCOUNT).ec2("us-east-1")) {
            for (int i = 0; i < 5; i++) {
                ec2.createTransitGateway(r -> r.description("another team's"));
            }
        }
        var results = new QuotasCheck().run(plan("app-use1"), aws(APP_ACCOUNT));
        var lines = results.stream().map(CheckResult::line).toList();
        assertTrue(lines.contains("FAIL  quota Interface VPC endpoints per VPC: quota 3, in use 0, the stack adds 5\n"
                + "        fix: request an increase to at least 5 (Service Quotas, vpc, \"Interface VPC endpoints per"
                + " VPC\") or free 2 in us-east-1"), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("FAIL  quota Transit gateways per account: quota 5, in use 5,"
                + " the stack adds 1")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("pass  quota ml.t3.medium")), lines.toString());
    }

    /** The commands that talk to AWS (preflight, verify) and the deploy-role tool use each other, nothing else does. */
    @Test
    void theStacksNeverImportThePreflight() throws Exception {
        var commands = List.of("preflight", "verify", "deployroles");
        try (var sources = java.nio.file.Files.walk(java.nio.file.Path.of("verifier/src/main/java/com/example/bedrockstream"))) {
            var importers = sources.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> commands.stream().noneMatch(c -> p.toString().contains("/" + c + "/")))
                    .filter(p -> {
                        try {
                            String text = java.nio.file.Files.readString(p);
                            return commands.stream().anyMatch(c -> text.contains("bedrockstream." + c + "."));
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertEquals(List.of(), importers);
        }
    }
}
