package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.path.PathRuns;
import com.google.protobuf.Empty;
import com.google.protobuf.Struct;
import com.google.protobuf.Value;
import io.grpc.Server;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.StreamObserver;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerProviderResource;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyConfig;
import pulumirpc.EngineGrpc;
import pulumirpc.EngineOuterClass.LogRequest;
import pulumirpc.EngineOuterClass.LogSeverity;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The policy pack over a real gRPC channel, asked what the engine asks it, as the engine asks it: a security group
 * opened to the internet stops the deployment, a hardening gap only warns, a rule lowered by config says why and a
 * config lowering one without a reason is refused; the committed stacks pass, whole and at a preview.
 */
class PolicyPackTest {
    private static final String STACK = "app-use1";
    private static final String INGRESS = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";

    @Test
    void aSecurityGroupRuleOpenToTheInternetIsMandatory(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            // At a preview the group's id is not known yet; the CIDR is.
            var request = request(INGRESS, "endpoints-from-anywhere", Map.of("securityGroupId", EngineValues.UNKNOWN,
                    "cidrIpv4", "0.0.0.0/0", "fromPort", 443.0, "toPort", 443.0, "ipProtocol", "tcp",
                    "description", "HTTPS from anywhere"));
            var found = server.pack.analyze(request).getDiagnosticsList();

            assertEquals(List.of("design:no-open-cidr MANDATORY " + request.getUrn()), summary(found));
            assertEquals("no security group admits or sends to 0.0.0.0/0 or ::/0, on any port (covers Checkov CKV_AWS_24,"
                    + " 25, 260, 277, 382)\ncidrIpv4 = \"0.0.0.0/0\" is open to the whole internet", found.get(0).getMessage());
        }
    }

    @Test
    void aHardeningGapIsAdvisory(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            var request = request(LOG_GROUP, "unencrypted", Map.of("name", "/bedrock-stream/unencrypted",
                    "retentionInDays", 90.0));
            var found = server.pack.analyze(request).getDiagnosticsList();

            assertEquals(List.of("checkov:CKV_AWS_158 ADVISORY " + request.getUrn()), summary(found));
            assertTrue(found.get(0).getMessage().endsWith("\nkmsKeyId = (unset) must be set"), found.get(0).getMessage());
        }
    }

    @Test
    void aResourceOfTheDefaultProviderIsJudgedAsTheOfflinePreviewJudgesIt(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            // The engine names the default provider it registers (default_6_83_0); offline it is no provider at all.
            var notebook = request(AwsTypes.NOTEBOOK, "al2023", Map.of("platformIdentifier", "notebook-al2023-v1"));
            var found = server.pack.analyze(notebook).getDiagnosticsList().stream()
                    .filter(d -> d.getPolicyName().equals("provider:sagemaker/NotebookInstance.platformIdentifier"))
                    .toList();

            assertEquals(1, found.size(), found.toString());
            assertTrue(found.get(0).getMessage().endsWith("platformIdentifier = \"notebook-al2023-v1\" needs AWS provider"
                    + " plugin >= 7.11.0, but is registered through the default provider (plugin 6.83.0); register it"
                    + " through an explicit pulumi:providers:aws whose version option is >= 7.11.0"), found.get(0).getMessage());
        }
    }

    @Test
    void aRuleLoweredByConfigSaysWhyAndADisabledOneIsSilent(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            server.pack.configure(config(Map.of(
                    "checkov:CKV_AWS_158", level(EnforcementLevel.DISABLED, "test logs hold nothing worth a key"),
                    "design:no-open-cidr", level(EnforcementLevel.ADVISORY, "a lab VPC with a public test client"))));

            assertTrue(server.stderr().contains("checkov:CKV_AWS_158 is disabled (by default advisory): test logs hold"
                    + " nothing worth a key"), server.stderr());
            assertEquals(List.of(), summary(server.pack.analyze(request(LOG_GROUP, "unencrypted",
                    Map.of("name", "/bedrock-stream/unencrypted", "retentionInDays", 90.0))).getDiagnosticsList()));
            var open = server.pack.analyze(request(INGRESS, "from-anywhere", Map.of("cidrIpv4", "0.0.0.0/0",
                            "description", "HTTPS from anywhere")))
                    .getDiagnosticsList();
            assertEquals(List.of("design:no-open-cidr ADVISORY"), summary(open).stream()
                    .map(s -> s.substring(0, s.indexOf(" urn:"))).toList());
            assertTrue(open.get(0).getMessage().endsWith("\n(advisory by the pack's config: a lab VPC with a public test"
                    + " client)"), open.get(0).getMessage());
        }
    }

    @Test
    void loweringARuleWithoutAReasonIsRefused(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            var refused = assertThrows(StatusRuntimeException.class, () -> server.pack.configure(config(Map.of(
                    "design:no-open-cidr", level(EnforcementLevel.DISABLED, " "),
                    "checkov:CKV_AWS_115", level(EnforcementLevel.ADVISORY, null),
                    "checkov:CKV_AWS_999", level(EnforcementLevel.ADVISORY, "a typo"),
                    "checkov:CKV_AWS_23", level(EnforcementLevel.REMEDIATE, null)))));

            assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode());
            assertEquals("the bedrock-stream policy pack refuses its config:\n"
                    + "  checkov:CKV_AWS_23: the pack remediates nothing; use mandatory, advisory or disabled\n"
                    + "  checkov:CKV_AWS_999: the pack has no such policy; its policies are the offline preview's rule ids"
                    + " and path:caller, path:notebook-user\n"
                    + "  design:no-open-cidr: disabled instead of mandatory needs a reason, e.g. {\"design:no-open-cidr\":"
                    + " {\"enforcementLevel\": \"disabled\", \"reason\": \"why\"}}", refused.getStatus().getDescription());
            // A long refusal is cut, as it travels in a gRPC status.
            var typos = new TreeMap<String, PolicyConfig>();
            for (int i = 0; i < 30; i++) {
                typos.put("checkov:CKV_AWS_9" + (10 + i), level(EnforcementLevel.ADVISORY, "a typo"));
            }
            var cut = assertThrows(StatusRuntimeException.class, () -> server.pack.configure(config(typos)));
            assertTrue(cut.getStatus().getDescription().endsWith("\n  and 10 more"), cut.getStatus().getDescription());
            // Raising a rule needs no reason; the refused config left every rule as it was.
            server.pack.configure(config(Map.of("checkov:CKV_AWS_158", level(EnforcementLevel.MANDATORY, null))));
            assertEquals(List.of("checkov:CKV_AWS_158 MANDATORY"), summary(server.pack.analyze(request(LOG_GROUP, "x",
                    Map.of("retentionInDays", 90.0))).getDiagnosticsList()).stream()
                    .map(s -> s.substring(0, s.indexOf(" urn:"))).toList());
        }
    }

    @Test
    void allLowersEveryPolicyWithOneReasonAndWithoutOneIsRefusedOnce(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            // The engine applies "all" to every policy, then sends "all" too, with its properties.
            var refused = assertThrows(StatusRuntimeException.class, () -> server.pack.configure(
                    everyPolicyAt(EnforcementLevel.ADVISORY, level(EnforcementLevel.ADVISORY, null))));
            assertEquals("the bedrock-stream policy pack refuses its config:\n  all: advisory instead of every"
                    + " policy's default needs a reason, e.g. {\"all\": {\"enforcementLevel\": \"advisory\","
                    + " \"reason\": \"why\"}}", refused.getStatus().getDescription());

            server.pack.configure(everyPolicyAt(EnforcementLevel.ADVISORY,
                    level(EnforcementLevel.ADVISORY, "a first look at a sandbox account")));
            assertTrue(server.stderr().contains("design:no-open-cidr is advisory (by default mandatory): a first look"
                    + " at a sandbox account"), server.stderr());
            var open = server.pack.analyze(request(INGRESS, "from-anywhere", Map.of("cidrIpv4", "0.0.0.0/0",
                    "description", "HTTPS from anywhere"))).getDiagnosticsList();
            assertEquals(List.of(EnforcementLevel.ADVISORY), open.stream().map(AnalyzeDiagnostic::getEnforcementLevel)
                    .toList());
        }
    }

    @Test
    void describesEveryPolicyWithItsMessageAndLevel(@TempDir Path home) throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            var info = server.pack.getAnalyzerInfo(Empty.getDefaultInstance());
            assertEquals("bedrock-stream", info.getName());
            assertTrue(info.getSupportsConfig());
            var policies = info.getPoliciesList();
            assertEquals(List.of("design:no-open-cidr MANDATORY", "checkov:CKV_AWS_117 MANDATORY",
                            "checkov:CKV_AWS_158 ADVISORY", "provider:lambda/Function.runtime MANDATORY",
                            "aws-api:trust-policy-size MANDATORY", "path:caller MANDATORY"),
                    List.of("design:no-open-cidr", "checkov:CKV_AWS_117", "checkov:CKV_AWS_158",
                            "provider:lambda/Function.runtime", "aws-api:trust-policy-size", "path:caller").stream()
                            .map(name -> policies.stream().filter(p -> p.getName().equals(name)).findFirst()
                                    .map(p -> p.getName() + " " + p.getEnforcementLevel()).orElse(name + " missing"))
                            .toList());
        }
    }

    @Test
    void theCommittedStacksPassAsDeployed(@TempDir Path backend) throws Exception {
        List<OfflineRun> runs = PathRuns.committed();
        FileBackend.write(backend, runs, true);
        for (OfflineRun run : runs) {
            try (var server = new PackServer(FileBackend.env(backend, true))) {
                // The engine names the stack first; the pack reads the other stacks meanwhile.
                server.pack.configureStack(AnalyzerStackConfigureRequest.newBuilder().setProject(EngineRequests.PROJECT)
                        .setStack(run.stack()).setOrganization("organization").build());
                var found = new ArrayList<AnalyzeDiagnostic>();
                EngineRequests.analyzeEach(run).forEach(r -> found.addAll(server.pack.analyze(r).getDiagnosticsList()));
                found.addAll(server.pack.analyzeStack(EngineRequests.analyzeStack(run)).getDiagnosticsList());

                assertEquals(List.of(), summary(found), run.stack() + "\n" + server.stderr());
                String report = server.stderr();
                assertFalse(report.contains("not judged"), report);
                for (String path : List.of("app-use1 function app-use1-app-invoker", "app-apse1 function"
                        + " app-apse1-app-invoker", "app-use1 notebook app-use1-bedrock-sample", "app-apse1 notebook"
                        + " app-apse1-bedrock-sample", "app-use1 user -> app-use1-bedrock-sample",
                        "app-apse1 user -> app-apse1-bedrock-sample")) {
                    assertTrue(report.contains("\n    " + path + ": proven every hop\n"), path + " in\n" + report);
                }
            }
        }
    }

    @Test
    void aHopThatReadsAValueNotKnownYetIsNotJudgedAndTheOthersAre(@TempDir Path backend) throws Exception {
        List<OfflineRun> runs = PathRuns.committed();
        FileBackend.write(backend, runs, true);
        // The hub's Lambda endpoint policy, at a preview where it is built from an ARN not known yet.
        OfflineRun hub = runs.get(1);
        var resources = hub.resources().stream().map(r -> r.type().equals(AwsTypes.ENDPOINT)
                && String.valueOf(r.inputs().get("serviceName")).endsWith(".lambda") ? withPolicy(r, EngineValues.UNKNOWN)
                : r).toList();
        hub = new OfflineRun(hub.stack(), resources, hub.outputs(), hub.secretOutputs(), hub.errors());
        try (var server = new PackServer(FileBackend.env(backend, true))) {
            var found = new ArrayList<AnalyzeDiagnostic>();
            EngineRequests.analyzeEach(hub).forEach(r -> found.addAll(server.pack.analyze(r).getDiagnosticsList()));
            found.addAll(server.pack.analyzeStack(EngineRequests.analyzeStack(hub)).getDiagnosticsList());

            assertEquals(List.of(), summary(found), server.stderr());
            assertTrue(server.stderr().contains("app-use1 function app-use1-app-invoker: proven 1 dns, 2 route, 3 sg,"
                    + " 4 sts, 5 trust, 7 invoke, 8 ml-net, 9 bedrock, 10 models; not judged 6 lambda (needs ec2/VpcEndpoint"
                    + " app-use1-lambda policy, known only once AWS has created what it depends on)"), server.stderr());
        }
    }

    private static MockResource withPolicy(MockResource endpoint, String policy) {
        var inputs = new LinkedHashMap<>(endpoint.inputs());
        var state = new LinkedHashMap<>(endpoint.state());
        inputs.put("policy", policy);
        state.put("policy", policy);
        return new MockResource(endpoint.type(), endpoint.name(), inputs, state, endpoint.provider(),
                endpoint.pluginVersion(), endpoint.dependsOn(), endpoint.ignoreChanges());
    }

    @Test
    void aStackThatBreaksAHopIsStopped(@TempDir Path backend) throws Exception {
        // The spoke's VPC no longer associated with the hub's STS zone: every resource is valid on its own.
        List<OfflineRun> runs = PathRuns.without(PathRuns.committed(), AwsTypes.ZONE_ASSOCIATION,
                "app-apse1-link-sts-zone");
        FileBackend.write(backend, runs, true);
        OfflineRun spoke = runs.get(2);
        try (var server = new PackServer(FileBackend.env(backend, true))) {
            EngineRequests.analyzeEach(spoke).forEach(server.pack::analyze);
            var found = server.pack.analyzeStack(EngineRequests.analyzeStack(spoke)).getDiagnosticsList();

            assertEquals(List.of("path:caller MANDATORY " + EngineRequests.urn("app-apse1", "aws:lambda/function:Function",
                            "app-apse1-app-invoker"), "path:caller MANDATORY " + EngineRequests.urn("app-apse1",
                            "aws:sagemaker/notebookInstance:NotebookInstance", "app-apse1-bedrock-sample")),
                    summary(found), server.stderr());
            assertTrue(found.get(0).getMessage().contains("app-apse1 function app-apse1-app-invoker, hop 1 dns (sts and"
                    + " lambda names of the ML region resolve to the hub's endpoints in the caller's VPC): no private zone"
                    + " sts.us-east-1.amazonaws.com is associated"), found.get(0).getMessage());
            assertTrue(server.stderr().contains("app-apse1 function app-apse1-app-invoker: proven 2 route, 3 sg, 4 sts,"
                    + " 5 trust, 6 lambda, 7 invoke, 8 ml-net, 9 bedrock, 10 models; BROKEN 1 dns"), server.stderr());
        }
    }

    @Test
    void whatItJudgedGoesToTheEngineLogOnceTheEngineGivesItsAddress(@TempDir Path home) throws Exception {
        var logged = new CopyOnWriteArrayList<LogRequest>();
        Server engine = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .addService(new EngineGrpc.EngineImplBase() {
                    @Override
                    public void log(LogRequest request, StreamObserver<Empty> response) {
                        logged.add(request);
                        response.onNext(Empty.getDefaultInstance());
                        response.onCompleted();
                    }
                }).build().start();
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            server.pack.handshake(AnalyzerHandshakeRequest.newBuilder()
                    .setEngineAddress("127.0.0.1:" + engine.getPort()).build());
            OfflineRun ml = PathRuns.committed().get(0);
            server.pack.analyzeStack(EngineRequests.analyzeStack(ml));

            assertEquals(List.of(LogSeverity.INFO), logged.stream().map(LogRequest::getSeverity).toList());
            assertTrue(logged.get(0).getMessage().startsWith("bedrock-stream policy pack: stack ml-use1, "),
                    logged.get(0).getMessage());
            assertEquals("", server.stderr());
        } finally {
            engine.shutdownNow();
        }
    }

    @Test
    void withoutAFileBackendItSaysWhichHopsItLeavesToTheOfflinePreview(@TempDir Path home) throws Exception {
        OfflineRun hub = PathRuns.committed().get(1);
        for (var env : Map.of(
                Map.of("HOME", home.toString()), "no backend: PULUMI_BACKEND_URL is unset and `pulumi login` chose none",
                Map.of("HOME", home.toString(), "PULUMI_BACKEND_URL", "https://api.pulumi.com/acme"),
                "the backend https://api.pulumi.com is not a file:// backend, the only kind the pack reads").entrySet()) {
            try (var server = new PackServer(env.getKey())) {
                EngineRequests.analyzeEach(hub).forEach(server.pack::analyze);
                assertEquals(List.of(), summary(server.pack.analyzeStack(EngineRequests.analyzeStack(hub))
                        .getDiagnosticsList()));
                assertTrue(server.stderr().contains("every stack: only app-use1 is read, " + env.getValue()
                        + "; the offline preview checks across every stack file"), server.stderr());
                assertTrue(server.stderr().contains("path:caller, path:notebook-user: no hop checked, every path crosses"
                        + " stacks and no other stack was read; the offline preview proves them"), server.stderr());
            }
        }
    }

    @Test
    void withoutPulumiBackendUrlTheBackendOfPulumiLoginIsRead(@TempDir Path dir) throws Exception {
        Path backend = Files.createDirectories(dir.resolve("state"));
        FileBackend.write(backend, PathRuns.committed(), true);
        Path home = Files.createDirectories(dir.resolve("pulumi-home"));
        Files.writeString(home.resolve("credentials.json"), "{\"current\": \"file://" + backend + "\", \"accounts\": {}}");
        try (var server = new PackServer(Map.of("HOME", dir.toString(), "PULUMI_HOME", home.toString(),
                "PULUMI_CONFIG_PASSPHRASE", FileBackend.PASSPHRASE))) {
            server.pack.analyzeStack(EngineRequests.analyzeStack(PathRuns.committed().get(0)));

            assertTrue(server.stderr().contains("every stack: ml-use1 as the engine hands it over, app-apse1, app-use1 as"
                    + " deployed in file://" + backend + "\n"), server.stderr());
        }
    }

    @Test
    void aSecretIsNeverPrinted(@TempDir Path home) throws Exception {
        String externalId = "s3cr3t-external-id-4b1d";
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            var role = request("aws:iam/role:Role", "invoker", Map.of()).toBuilder()
                    .setProperties(Struct.newBuilder().putFields("assumeRolePolicy", EngineRequests.secret(EngineRequests
                            .value("{\"Statement\": [{\"Condition\": {\"sts:ExternalId\": \"" + externalId + "\""))))
                    .build();
            var found = server.pack.analyze(role).getDiagnosticsList();

            assertEquals(List.of("provider:iam/Role.assumeRolePolicy MANDATORY " + role.getUrn()), summary(found));
            assertTrue(found.get(0).getMessage().endsWith("assumeRolePolicy = \"[secret]\" must be valid JSON"),
                    found.get(0).getMessage());
            // `pulumi policy analyze` hands over a secret it cannot decrypt as "[secret]": nothing to judge.
            var blinded = role.toBuilder().setProperties(Struct.newBuilder().putFields("assumeRolePolicy",
                    EngineRequests.secret(EngineRequests.value("[secret]")))).build();
            assertEquals(List.of(), summary(server.pack.analyze(blinded).getDiagnosticsList()));
        }
    }

    @Test
    void atAPreviewWhatAwsComputesLaterIsNotJudged(@TempDir Path backend) throws Exception {
        List<OfflineRun> runs = PathRuns.committed();
        FileBackend.write(backend, runs.subList(0, 1), true);
        OfflineRun hub = EngineRequests.previewed(runs.get(1));
        try (var server = new PackServer(FileBackend.env(backend, true))) {
            var found = new ArrayList<AnalyzeDiagnostic>();
            EngineRequests.analyzeEach(hub).forEach(r -> found.addAll(server.pack.analyze(r).getDiagnosticsList()));
            found.addAll(server.pack.analyzeStack(EngineRequests.analyzeStack(hub)).getDiagnosticsList());

            assertEquals(List.of(), summary(found), server.stderr());
            String report = server.stderr();
            assertTrue(report.contains("not judged on") && report.contains("(judged when `pulumi up` has them; e.g. "),
                    report);
            assertTrue(report.contains("path:caller: not judged, the callers cannot be found without"), report);
        }
    }

    private static List<String> summary(List<AnalyzeDiagnostic> diagnostics) {
        return diagnostics.stream().map(d -> d.getPolicyName() + " " + d.getEnforcementLevel() + " " + d.getUrn()).toList();
    }

    private static AnalyzeRequest request(String type, String name, Map<String, Object> inputs) {
        return AnalyzeRequest.newBuilder().setType(type).setName(name).setUrn(EngineRequests.urn(STACK, type, name))
                .setProperties(EngineRequests.struct(inputs, Set.of()))
                .setProvider(AnalyzerProviderResource.newBuilder().setType(MockResource.PROVIDER_TYPE)
                        .setName(EngineRequests.DEFAULT_PROVIDER)
                        .setUrn(EngineRequests.urn(STACK, MockResource.PROVIDER_TYPE, EngineRequests.DEFAULT_PROVIDER)))
                .build();
    }

    private static ConfigureAnalyzerRequest config(Map<String, PolicyConfig> given) {
        // The engine sends every policy, at its default level unless the file says otherwise.
        var request = ConfigureAnalyzerRequest.newBuilder();
        PackPolicies.ALL.forEach(p -> request.putPolicyConfig(p.name(), PolicyConfig.newBuilder()
                .setEnforcementLevel(p.level()).build()));
        request.putAllPolicyConfig(given);
        return request.build();
    }

    /** What the engine sends for {"all": ...}: every policy at that level, and "all" itself. */
    private static ConfigureAnalyzerRequest everyPolicyAt(EnforcementLevel level, PolicyConfig all) {
        var request = ConfigureAnalyzerRequest.newBuilder();
        PackPolicies.ALL.forEach(p -> request.putPolicyConfig(p.name(), PolicyConfig.newBuilder()
                .setEnforcementLevel(level).build()));
        return request.putPolicyConfig("all", all).build();
    }

    private static PolicyConfig level(EnforcementLevel level, String reason) {
        var config = PolicyConfig.newBuilder().setEnforcementLevel(level);
        if (reason != null) {
            config.setProperties(Struct.newBuilder().putFields("reason", Value.newBuilder().setStringValue(reason).build()));
        }
        return config.build();
    }
}
