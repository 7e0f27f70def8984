package com.example.bedrockstream.preflight;

/**
 * One finding of the preflight: what was checked, what AWS said, and, when it failed, what to do.
 *
 * @param check  what was checked, e.g. "lambda concurrency"
 * @param detail what AWS answered, in numbers where there are some
 * @param fix    what the user must change or run; empty when passed
 */
public record CheckResult(String check, boolean passed, String detail, String fix) {

    public static CheckResult pass(String check, String detail) {
        return new CheckResult(check, true, detail, "");
    }

    public static CheckResult fail(String check, String detail, String fix) {
        return new CheckResult(check, false, detail, fix);
    }

    /** {@code pass  check: detail}, or {@code FAIL  check: detail} and the fix on the next line. */
    public String line() {
        return (passed ? "pass  " : "FAIL  ") + check + ": " + detail + (passed ? "" : "\n        fix: " + fix);
    }
}
