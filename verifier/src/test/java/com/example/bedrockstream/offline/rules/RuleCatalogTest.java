package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.path.PathRuns;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import java.util.HashSet;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Every rule is a unit: a unique id, a one-line message, a source, a fixture it fails on, and the real stacks pass it. */
class RuleCatalogTest {

    @Test
    void idsAreUniqueAndCarryTheirSourceKind() {
        var seen = new HashSet<String>();
        for (PlanRule rule : PlanRules.ALL) {
            assertTrue(seen.add(rule.id()), "duplicate rule id " + rule.id());
            assertTrue(rule.id().startsWith(rule.source().kind().prefix() + ":") && !rule.id().contains(" "),
                    rule.id() + " should start with " + rule.source().kind().prefix() + ":");
            assertFalse(rule.message().isBlank() || rule.message().contains("\n"), rule.id() + ": one-line message");
            assertFalse(rule.source().reference().isBlank(), rule.id() + ": a source");
        }
    }

    @Test
    void everyKindOfSourceIsRepresented() {
        for (RuleSource.Kind kind : RuleSource.Kind.values()) {
            assertTrue(PlanRules.ALL.stream().anyMatch(rule -> rule.source().kind() == kind), "no " + kind + " rule");
        }
    }

    @Test
    void theCommittedStacksPassEveryRule() {
        assertEquals(List.of(), PlanRules.check(new Plan(PathRuns.committed())).stream().map(Finding::line).toList());
    }

    @TestFactory
    Stream<DynamicTest> eachRuleFailsOnItsFixture() {
        return PlanRules.ALL.stream().map(rule -> DynamicTest.dynamicTest(rule.id(), () -> {
            Plan fixture = RuleFixtures.of(rule).orElseThrow(() -> new AssertionError(rule.id()
                    + " has no failing fixture: add one to RuleFixtures"));
            var findings = rule.check(fixture).toList();
            assertFalse(findings.isEmpty(), rule.id() + " did not fire on its fixture");
            findings.forEach(finding -> assertEquals(rule.id(), finding.ruleId()));
            assertTrue(PlanRules.check(fixture).stream().anyMatch(f -> f.ruleId().equals(rule.id())),
                    rule.id() + " is not run by PlanRules.check");
        }));
    }

    /**
     * The policy pack runs a rule on what its scope says it needs: a resource alone with its provider (before the
     * resource is created), or one stack. Judged that way, each rule finds what it finds in the whole plan, on the
     * committed stacks and on its fixture; a rule that reads more than it declares finds something else.
     */
    @TestFactory
    Stream<DynamicTest> eachRuleJudgesWithNoMoreThanItsScope() {
        return PlanRules.ALL.stream().filter(rule -> rule.scope() != Scope.DEPLOYMENT).map(rule -> dynamicTest(
                rule.scope() + " " + rule.id(), () -> {
                    for (Plan plan : List.of(new Plan(PathRuns.committed()), RuleFixtures.of(rule).orElseThrow())) {
                        assertEquals(lines(rule.check(plan)), lines(withinScope(rule, plan)),
                                rule.id() + " judged on " + rule.scope().meaning());
                    }
                }));
    }

    private static Stream<Finding> withinScope(PlanRule rule, Plan plan) {
        var runs = plan.runs().stream().filter(OfflineRun::succeeded);
        return switch (rule.scope()) {
            case RESOURCE -> runs.flatMap(run -> run.resources().stream().flatMap(resource -> rule
                    .check(Plan.alone(run.stack(), resource, run.explicitProvider(resource)))
                    .filter(f -> f.resourceType().equals(resource.type()) && f.resourceName().equals(resource.name()))));
            case STACK -> runs.flatMap(run -> rule.check(Plan.of(run)));
            case DEPLOYMENT -> rule.check(plan);
        };
    }

    private static List<String> lines(Stream<Finding> findings) {
        return findings.map(Finding::line).sorted().toList();
    }

    @Test
    void aFindingReadsRuleStackResourceAndProblem() {
        var finding = new Finding("checkov:CKV_AWS_117", "app-use1", "aws:lambda/function:Function", "app-use1-app-invoker",
                "vpcConfig.subnetIds = (unset) must be set");
        assertEquals("checkov:CKV_AWS_117 · app-use1 · lambda/Function app-use1-app-invoker · vpcConfig.subnetIds = (unset)"
                + " must be set", finding.line());
    }
}
