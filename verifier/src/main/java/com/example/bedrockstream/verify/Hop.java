package com.example.bedrockstream.verify;

/**
 * One hop of the deployed path as the verify command saw it: what was tried, what AWS answered, and, when it failed,
 * what to look at.
 *
 * @param hop    what was tried, e.g. "stream app-use1-app-invoker amazon.nova-lite-v1:0"
 * @param detail what AWS answered
 * @param fix    where to look or what to do; empty unless failed
 */
public record Hop(String hop, Outcome outcome, String detail, String fix) {
    /** A skipped hop is one the stack file does not have (no alarm, no Application Lambda): nothing to prove. */
    public enum Outcome { PASS, FAIL, SKIP }

    public static Hop pass(String hop, String detail) {
        return new Hop(hop, Outcome.PASS, detail, "");
    }

    public static Hop fail(String hop, String detail, String fix) {
        return new Hop(hop, Outcome.FAIL, detail, fix);
    }

    public static Hop skip(String hop, String detail) {
        return new Hop(hop, Outcome.SKIP, detail, "");
    }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }

    /** {@code pass  hop: detail}, {@code skip  hop: detail}, or {@code FAIL  hop: detail} and the fix below it. */
    public String line() {
        return switch (outcome) {
            case PASS -> "pass  " + hop + ": " + detail;
            case SKIP -> "skip  " + hop + ": " + detail;
            case FAIL -> "FAIL  " + hop + ": " + detail + "\n        fix: " + fix;
        };
    }
}
