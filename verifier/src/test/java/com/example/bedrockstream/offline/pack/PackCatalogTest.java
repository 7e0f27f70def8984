package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.rules.Finding;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRule;
import com.example.bedrockstream.offline.rules.PlanRules;
import com.example.bedrockstream.offline.rules.RuleFixtures;
import com.example.bedrockstream.offline.rules.RuleSource;
import com.example.bedrockstream.offline.rules.Scope;
import com.google.protobuf.Empty;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;
import pulumirpc.AnalyzerOuterClass.PolicyInfo;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

/**
 * The offline preview and the policy pack run one set of rules: the pack serves every rule of {@link PlanRules#ALL}
 * under its id and nothing else but the two path proofs, and each rule, sent its failing fixture as the engine would
 * send it, reports through the pack exactly what it reports offline, at the level its family has.
 */
class PackCatalogTest {
    @TempDir
    static Path home;

    @Test
    void thePackServesEveryRuleOfTheOfflinePreviewAndNothingElseButThePathProofs() throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            List<String> served = server.pack.getAnalyzerInfo(Empty.getDefaultInstance()).getPoliciesList().stream()
                    .map(PolicyInfo::getName).toList();
            var rules = PlanRules.ALL.stream().map(PlanRule::id).toList();

            assertEquals(rules, served.stream().filter(rules::contains).toList(), "every rule, once, in the same order");
            assertEquals(List.of("path:caller", "path:notebook-user"), served.stream()
                    .filter(name -> !rules.contains(name)).toList(), "served but not a rule of the offline preview");
        }
    }

    @Test
    void everyRuleWhoseViolationAwsRefusesAndThePerimeterAreMandatory() throws Exception {
        try (var server = new PackServer(Map.of("HOME", home.toString()))) {
            var levels = server.pack.getAnalyzerInfo(Empty.getDefaultInstance()).getPoliciesList().stream()
                    .collect(Collectors.toMap(PolicyInfo::getName, PolicyInfo::getEnforcementLevel));
            for (PlanRule rule : PlanRules.ALL) {
                if (rule.source().kind() != RuleSource.Kind.CHECKOV) {
                    assertEquals(EnforcementLevel.MANDATORY, levels.get(rule.id()), rule.id());
                }
            }
            var checkov = PlanRules.ALL.stream().filter(r -> r.source().kind() == RuleSource.Kind.CHECKOV)
                    .map(PlanRule::id).collect(Collectors.toSet());
            assertTrue(checkov.containsAll(Enforcement.CHECKOV_ISOLATION), "the isolation family names Checkov rules only");
            checkov.forEach(id -> assertEquals(Enforcement.CHECKOV_ISOLATION.contains(id) ? EnforcementLevel.MANDATORY
                    : EnforcementLevel.ADVISORY, levels.get(id), id));
        }
    }

    /**
     * Each rule's fixture, sent stack by stack as the engine sends it (Analyze for a resource, AnalyzeStack for the
     * whole stack with the other stacks in a file backend), finds through the pack what the rule finds offline.
     */
    @TestFactory
    Stream<DynamicTest> eachRuleFindsThroughThePackWhatItFindsOffline() {
        return PlanRules.ALL.stream().map(rule -> dynamicTest(rule.id(), () -> {
            Plan fixture = RuleFixtures.of(rule).orElseThrow();
            List<Finding> offline = rule.check(fixture).toList();
            Set<String> stacks = offline.stream().map(Finding::stack).collect(Collectors.toCollection(TreeSet::new));
            assertFalse(stacks.isEmpty(), rule.id() + " finds nothing on its fixture");
            for (String stack : stacks) {
                OfflineRun run = fixture.runs().stream().filter(r -> r.stack().equals(stack)).findFirst().orElseThrow();
                // Only a rule that needs every stack reads the others; the rest run without a backend.
                boolean everyStack = rule.scope() == Scope.DEPLOYMENT;
                if (everyStack) {
                    FileBackend.write(home, fixture.runs(), false);
                }
                var found = new ArrayList<AnalyzeDiagnostic>();
                try (var server = new PackServer(everyStack ? FileBackend.env(home, false)
                        : Map.of("HOME", home.toString()))) {
                    if (rule.scope() == Scope.RESOURCE) {
                        // A rule of one resource judges each alone (RuleCatalogTest): the resources it finds fault
                        // with are sent; that it finds none with the others, the committed stacks show (PolicyPackTest).
                        run.resources().stream().filter(r -> offline.stream().anyMatch(f -> f.stack().equals(stack)
                                        && f.resourceType().equals(r.type()) && f.resourceName().equals(r.name())))
                                .forEach(r -> found.addAll(server.pack.analyze(EngineRequests.analyze(run, r))
                                        .getDiagnosticsList()));
                    } else {
                        EngineRequests.analyzeEach(run).forEach(r -> found.addAll(server.pack.analyze(r)
                                .getDiagnosticsList()));
                        found.addAll(server.pack.analyzeStack(EngineRequests.analyzeStack(run)).getDiagnosticsList());
                    }
                }
                assertEquals(offline.stream().filter(f -> f.stack().equals(stack))
                                .map(f -> Enforcement.of(rule) + " " + EngineRequests.urn(stack, f.resourceType(),
                                        f.resourceName()) + "\n" + rule.message() + "\n" + f.problem()).sorted().toList(),
                        found.stream().filter(d -> d.getPolicyName().equals(rule.id()))
                                .map(d -> d.getEnforcementLevel() + " " + d.getUrn() + "\n" + d.getMessage()).sorted().toList(),
                        rule.id() + " in " + stack);
            }
        }));
    }
}
