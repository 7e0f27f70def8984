package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.rules.Finding;
import com.example.bedrockstream.offline.rules.Plan;
import com.example.bedrockstream.offline.rules.PlanRule;
import com.example.bedrockstream.offline.rules.Scope;
import pulumirpc.AnalyzerOuterClass.AnalyzeDiagnostic;
import pulumirpc.AnalyzerOuterClass.EnforcementLevel;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * AnalyzeStack, at the end of a preview or update: the rules that need the whole stack on this stack as the engine
 * hands it over; then the rules and the path proofs that need every stack, on this stack and the others as the
 * backend holds them. What could not be judged, and why, goes into the report with what was.
 *
 * @param stack     this stack as the rules' model: the outputs AWS answered with, the inputs Analyze was handed
 * @param urns      this stack's resources' URNs, by {@link #key}
 * @param others    the other stacks, or why they were not read
 */
record StackAnalysis(OfflineRun stack, Map<String, String> urns, BackendStacks.Reading others,
                     Diagnostics diagnostics) {

    record Outcome(List<AnalyzeDiagnostic> diagnostics, List<String> report) {
    }

    static String key(String type, String name) {
        return type + "::" + name;
    }

    Outcome run() {
        var found = new ArrayList<AnalyzeDiagnostic>();
        var report = new ArrayList<String>();
        report.add(judge(Scope.STACK, Plan.of(stack), found));
        List<OfflineRun> runs = new ArrayList<>(List.of(stack));
        if (others instanceof BackendStacks.Found read) {
            runs.addAll(read.runs());
            String deployed = read.runs().isEmpty() ? "no other stack"
                    : read.runs().stream().map(OfflineRun::stack).collect(Collectors.joining(", "));
            report.add("every stack: " + stack.stack() + " as the engine hands it over, " + deployed
                    + " as deployed in " + read.backend());
        } else if (others instanceof BackendStacks.NotRead notRead) {
            report.add("every stack: only " + stack.stack() + " is read, " + notRead.why() + "; the offline preview"
                    + " checks across every stack file");
        }
        // This stack first: a rule comparing resources pairwise reports a pair on the first of them.
        report.add(judge(Scope.DEPLOYMENT, new Plan(runs), found));
        if (others instanceof BackendStacks.Found) {
            var paths = PathCheck.run(runs);
            report.addAll(paths.report());
            for (PathCheck.Broken broken : paths.broken()) {
                // A broken path of another stack's caller is this stack's doing: it is reported on the stack.
                String urn = broken.stack().equals(stack.stack())
                        ? urns.getOrDefault(key(broken.type(), broken.name()), "") : "";
                diagnostics.of(broken.policy(), PackPolicies.named(broken.policy()).orElseThrow().description(),
                        broken.path() + ", hop " + broken.hop().hop().label() + " (" + broken.hop().hop().meaning()
                                + "): " + broken.hop().failure().orElseThrow(), urn).ifPresent(found::add);
            }
        } else {
            report.add(PackPolicies.CALLER_PATH + ", " + PackPolicies.NOTEBOOK_USER_PATH + ": no hop checked, every"
                    + " path crosses stacks and no other stack was read; the offline preview proves them");
        }
        return new Outcome(found, report);
    }

    /** Runs the enabled rules of one scope; the report line says which could not judge, and what they needed. */
    private String judge(Scope scope, Plan plan, List<AnalyzeDiagnostic> found) {
        var notJudged = new ArrayList<Judgement>();
        int judged = 0;
        for (PackPolicy policy : PackPolicies.ALL) {
            Optional<PlanRule> rule = policy.rule().filter(r -> r.scope() == scope);
            if (rule.isEmpty() || diagnostics.config().level(policy.name()) == EnforcementLevel.DISABLED) {
                continue;
            }
            Judgement judgement = Judgement.of(rule.get(), plan, f -> f.stack().equals(stack.stack()));
            if (judgement.unknown().isPresent()) {
                notJudged.add(judgement);
                continue;
            }
            judged++;
            for (Finding finding : judgement.findings()) {
                diagnostics.of(policy.name(), policy.description(), finding.problem(),
                        urns.getOrDefault(key(finding.resourceType(), finding.resourceName()), "")).ifPresent(found::add);
            }
        }
        String line = scope.name().toLowerCase(Locale.ROOT) + " rules (" + scope.meaning() + "): " + judged
                + " judged";
        if (!notJudged.isEmpty()) {
            line += "; " + notJudged.size() + " not judged, as they read values AWS computes during the update (judged"
                    + " when `pulumi up` has them; e.g. " + notJudged.get(0).rule().id() + " needs "
                    + notJudged.get(0).unknown().orElseThrow() + "): "
                    + notJudged.stream().map(j -> j.rule().id()).collect(Collectors.joining(", "));
        }
        return line;
    }
}
