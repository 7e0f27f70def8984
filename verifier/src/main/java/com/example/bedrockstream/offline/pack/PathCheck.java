package com.example.bedrockstream.offline.pack;

import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.OfflineRun;
import com.example.bedrockstream.offline.path.CallerPath;
import com.example.bedrockstream.offline.path.HopResult;
import com.example.bedrockstream.offline.path.NotebookUserPath;
import com.example.bedrockstream.offline.path.PathProof;
import com.example.bedrockstream.offline.path.ProvenPath;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The offline preview's path proofs, run on the stacks the pack has: every caller's path and every notebook user's,
 * hop by hop. A hop is proven, broken (a finding), or not judged because it reads a value the pack does not have
 * yet (an id AWS computes at the update) or cannot open (another stack's secret). The report names each hop's
 * outcome, so nothing is left out silently.
 */
final class PathCheck {
    /** A broken hop, and the resource whose path it is (a caller or a notebook). */
    record Broken(String policy, String stack, String type, String name, String path, HopResult hop) {
    }

    record Outcome(List<Broken> broken, List<String> report) {
    }

    private PathCheck() {
    }

    static Outcome run(List<OfflineRun> runs) {
        var broken = new ArrayList<Broken>();
        var report = new ArrayList<String>();
        try {
            List<CallerPath> callers = PathProof.evaluate(runs);
            report.add(PackPolicies.CALLER_PATH + ": " + callers.size() + " caller(s) of the ML function");
            for (CallerPath path : callers) {
                String type = path.caller().kind().equals("notebook") ? AwsTypes.NOTEBOOK : AwsTypes.FUNCTION;
                report.add(line(path, hop -> broken.add(new Broken(PackPolicies.CALLER_PATH, path.caller().stack(),
                        type, path.caller().name(), path.label(), hop))));
            }
        } catch (Unjudgeable e) {
            report.add(PackPolicies.CALLER_PATH + ": not judged, the callers cannot be found without " + e.what());
        }
        try {
            List<NotebookUserPath> users = PathProof.notebookUsers(runs);
            report.add(PackPolicies.NOTEBOOK_USER_PATH + ": " + users.size() + " notebook(s)");
            for (NotebookUserPath path : users) {
                report.add(line(path, hop -> broken.add(new Broken(PackPolicies.NOTEBOOK_USER_PATH, path.stack(),
                        AwsTypes.NOTEBOOK, path.notebook(), path.label(), hop))));
            }
        } catch (Unjudgeable e) {
            report.add(PackPolicies.NOTEBOOK_USER_PATH + ": not judged, the notebooks cannot be read without " + e.what());
        }
        return new Outcome(broken, report);
    }

    /** "app-use1 function x: proven 1 dns, 2 route; not judged 5 trust (needs ...); BROKEN 7 invoke". */
    private static String line(ProvenPath path, Consumer<HopResult> onBroken) {
        var proven = path.hops().stream().filter(HopResult::passed).toList();
        var unknown = path.hops().stream().filter(h -> !h.passed() && Unjudgeable.marks(h.failure().orElseThrow())).toList();
        var failed = path.hops().stream().filter(h -> !h.passed() && !Unjudgeable.marks(h.failure().orElseThrow())).toList();
        failed.forEach(onBroken);
        Function<List<HopResult>, String> labels = hops -> hops.stream().map(h -> h.hop().label())
                .collect(Collectors.joining(", "));
        var parts = new ArrayList<String>();
        if (!proven.isEmpty()) {
            parts.add("proven " + (proven.size() == path.hops().size() ? "every hop" : labels.apply(proven)));
        }
        if (!unknown.isEmpty()) {
            parts.add("not judged " + labels.apply(unknown) + " (needs "
                    + Unjudgeable.what(unknown.get(0).failure().orElseThrow()) + ")");
        }
        if (!failed.isEmpty()) {
            parts.add("BROKEN " + labels.apply(failed));
        }
        return "  " + path.label() + ": " + String.join("; ", parts);
    }
}
