package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.rules.Finding;
import com.example.bedrockstream.offline.rules.InputRule;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRule;
import com.example.bedrockstream.offline.rules.ResourceRule;
import com.example.bedrockstream.offline.rules.Scope;
import com.google.protobuf.Empty;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import pulumirpc.AnalyzerGrpc;
import pulumirpc.AnalyzerOuterClass.AnalyzeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzeStackRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerHandshakeResponse;
import pulumirpc.AnalyzerOuterClass.AnalyzerInfo;
import pulumirpc.AnalyzerOuterClass.AnalyzerResource;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureRequest;
import pulumirpc.AnalyzerOuterClass.AnalyzerStackConfigureResponse;
import pulumirpc.AnalyzerOuterClass.ConfigureAnalyzerRequest;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.Plugin.PluginInfo;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The Analyzer service the engine calls for the pack. In the order of a preview or update: Handshake,
 * ConfigureStack (which stack), GetAnalyzerInfo (every policy and its default level), Configure (the levels of
 * {@code --policy-pack-config}), then Analyze for each resource before it is created or updated (the rules that
 * need one resource, on its inputs), and AnalyzeStack at the end (the rules that need a stack, or every stack, and
 * the path proofs). Remediate is left unimplemented: the engine then skips it. What the pack judged goes to the
 * engine's log ({@link PackLog}), which the CLI shows among the stack's diagnostics.
 */
final class RulesAnalyzer extends AnalyzerGrpc.AnalyzerImplBase {
    private final Map<String, String> env;
    private final PackLog log;
    private final SecretTexts secrets = new SecretTexts();
    private volatile PackConfig config = PackConfig.defaults();
    /** What Analyze was handed, by URN: AnalyzeStack is handed only outputs, and the rules read inputs too. */
    private final Map<String, Map<String, Object>> inputs = new ConcurrentHashMap<>();
    private final AtomicInteger analyzed = new AtomicInteger();
    /** Per-resource rules that could not judge a resource at Analyze: the resources, and what the first one lacked. */
    private final Map<String, Set<String>> notJudged = new ConcurrentHashMap<>();
    private final Map<String, String> needed = new ConcurrentHashMap<>();
    /** The other stacks, read as soon as the engine names this stack: opening their secrets takes a second each. */
    private volatile Optional<EarlyRead> early = Optional.empty();

    private record EarlyRead(String project, String stack, CompletableFuture<BackendStacks.Reading> others) {
    }

    /**
     * @param env the environment the engine started the pack with: where the other stacks are, their passphrase
     * @param stderr where the pack reports what it judged until the engine gives its address
     */
    RulesAnalyzer(Map<String, String> env, PrintStream stderr) {
        this.env = Map.copyOf(env);
        this.log = new PackLog(stderr);
    }

    @Override
    public void handshake(AnalyzerHandshakeRequest request, StreamObserver<AnalyzerHandshakeResponse> response) {
        if (!request.getEngineAddress().isEmpty()) {
            log.connect(request.getEngineAddress());
        }
        answer(response, AnalyzerHandshakeResponse::getDefaultInstance);
    }

    @Override
    public void configureStack(AnalyzerStackConfigureRequest request,
                               StreamObserver<AnalyzerStackConfigureResponse> response) {
        String project = request.getProject();
        String stack = request.getStack();
        var reading = new CompletableFuture<BackendStacks.Reading>();
        var reader = new Thread(() -> {
            try {
                reading.complete(BackendStacks.others(env, project, stack, secrets));
            } catch (RuntimeException e) {
                reading.completeExceptionally(e);
            }
        }, "read other stacks");
        reader.setDaemon(true);
        reader.start();
        early = Optional.of(new EarlyRead(project, stack, reading));
        answer(response, AnalyzerStackConfigureResponse::getDefaultInstance);
    }

    @Override
    public void getAnalyzerInfo(Empty request, StreamObserver<AnalyzerInfo> response) {
        answer(response, PackPolicies::info);
    }

    @Override
    public void getPluginInfo(Empty request, StreamObserver<PluginInfo> response) {
        answer(response, () -> PluginInfo.newBuilder().setVersion(PackPolicies.version()).build());
    }

    @Override
    public void configure(ConfigureAnalyzerRequest request, StreamObserver<Empty> response) {
        PackConfig configured;
        try {
            configured = PackConfig.of(request.getPolicyConfigMap());
        } catch (PackConfig.Refused refused) {
            response.onError(Status.INVALID_ARGUMENT.withDescription(refused.getMessage()).asRuntimeException());
            return;
        }
        config = configured;
        configured.loweredLines().forEach(this::report);
        answer(response, Empty::getDefaultInstance);
    }

    @Override
    public void analyze(AnalyzeRequest request, StreamObserver<AnalyzeResponse> response) {
        answer(response, () -> {
            var subject = EngineResource.analyzed(request, secrets);
            inputs.put(request.getUrn(), subject.resource().inputs());
            analyzed.incrementAndGet();
            Plan alone = Plan.alone(subject.stack(), subject.resource(), subject.provider());
            var diagnostics = new Diagnostics(config, secrets);
            var answer = AnalyzeResponse.newBuilder();
            for (PackPolicy policy : PackPolicies.ALL) {
                Optional<PlanRule> rule = policy.rule().filter(r -> r.scope() == Scope.RESOURCE)
                        .filter(r -> mayConcern(r, request.getType()));
                if (rule.isEmpty() || diagnostics.config().level(policy.name()) == EnforcementLevel.DISABLED) {
                    continue;
                }
                Judgement judgement = Judgement.of(rule.get(), alone, finding -> finding.resourceType()
                        .equals(request.getType()) && finding.resourceName().equals(request.getName()));
                judgement.unknown().ifPresent(what -> {
                    notJudged.computeIfAbsent(policy.name(), id -> ConcurrentHashMap.newKeySet()).add(request.getUrn());
                    needed.putIfAbsent(policy.name(), what);
                });
                for (Finding finding : judgement.findings()) {
                    diagnostics.of(policy.name(), policy.description(), finding.problem(), request.getUrn())
                            .ifPresent(answer::addDiagnostics);
                }
            }
            return answer.build();
        });
    }

    /**
     * Whether a rule may find fault with a resource of {@code type}: the engine calls Analyze for every resource, so
     * only the rules of its type run (the rule would pass over the others anyway), not all of them each time.
     */
    private static boolean mayConcern(PlanRule rule, String type) {
        if (rule instanceof InputRule input) {
            return input.type().equals(type);
        }
        return !(rule instanceof ResourceRule resource) || resource.types().isEmpty() || resource.types().contains(type);
    }

    @Override
    public void analyzeStack(AnalyzeStackRequest request, StreamObserver<AnalyzeResponse> response) {
        answer(response, () -> {
            var resources = new ArrayList<EngineResource>();
            var secretOutputs = new LinkedHashSet<String>();
            var urns = new HashMap<String, String>();
            for (AnalyzerResource resource : request.getResourcesList()) {
                resources.add(EngineResource.inStack(resource, Optional.ofNullable(inputs.get(resource.getUrn())),
                        secrets));
                urns.put(StackAnalysis.key(resource.getType(), resource.getName()), resource.getUrn());
                if (resource.getType().equals(EngineResource.ROOT_STACK)) {
                    resource.getProperties().getFieldsMap().forEach((name, value) -> {
                        if (EngineValues.isSecret(value)) {
                            secretOutputs.add(name);
                        }
                    });
                }
            }
            if (resources.isEmpty()) {
                return AnalyzeResponse.getDefaultInstance();
            }
            String stack = resources.get(0).stack();
            String project = resources.get(0).project();
            // The root stack resource's outputs are the stack's exports; offline it is no resource of the run.
            var models = resources.stream().map(EngineResource::resource).toList();
            Map<String, Object> outputs = models.stream().filter(r -> r.type().equals(EngineResource.ROOT_STACK))
                    .map(MockResource::state).findFirst().orElse(Map.of());
            var run = new OfflineRun(stack, models.stream().filter(r -> !r.type().equals(EngineResource.ROOT_STACK))
                    .toList(), outputs, secretOutputs, List.of());
            BackendStacks.Reading others = early.filter(e -> e.project().equals(project) && e.stack().equals(stack))
                    .map(e -> e.others().join()).orElseGet(() -> BackendStacks.others(env, project, stack, secrets));
            var analysis = new StackAnalysis(run, urns, others, new Diagnostics(config, secrets)).run();
            var lines = new ArrayList<String>();
            lines.add("stack " + stack + ", " + run.resources().size() + " resources");
            String resourceRules = "resource rules (" + Scope.RESOURCE.meaning() + "): " + analyzed.get()
                    + " resources analyzed";
            if (!notJudged.isEmpty()) {
                var rules = new TreeMap<>(notJudged);
                long resourcesNotJudged = rules.values().stream().flatMap(Set::stream).distinct().count();
                String example = rules.firstKey();
                resourceRules += "; " + rules.size() + " rule(s) not judged on " + resourcesNotJudged + " resource(s), as"
                        + " they read values AWS computes during the update (judged when `pulumi up` has them; e.g. "
                        + example + " needs " + needed.get(example) + "): " + String.join(", ", rules.keySet());
            }
            lines.add(resourceRules);
            lines.addAll(analysis.report());
            config.loweredLines().forEach(line -> lines.add("lowered by config: " + line));
            report(String.join("\n  ", lines));
            return AnalyzeResponse.newBuilder().addAllDiagnostics(analysis.diagnostics()).build();
        });
    }

    @Override
    public void cancel(Empty request, StreamObserver<Empty> response) {
        answer(response, Empty::getDefaultInstance);
    }

    private void report(String text) {
        log.info(secrets.mask(PackPolicies.NAME + " policy pack: " + text));
    }

    /** Answers with what {@code work} returns; a failure of the pack itself fails the call with its message. */
    private <T> void answer(StreamObserver<T> response, Supplier<T> work) {
        T result;
        try {
            result = work.get();
        } catch (RuntimeException e) {
            response.onError(Status.INTERNAL.withDescription(secrets.mask(PackPolicies.NAME + " policy pack failed: " + e))
                    .withCause(e).asRuntimeException());
            return;
        }
        response.onNext(result);
        response.onCompleted();
    }
}
