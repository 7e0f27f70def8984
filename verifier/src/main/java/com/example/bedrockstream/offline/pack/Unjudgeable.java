package com.example.bedrockstream.offline.pack;

/**
 * Thrown where a rule or a proof reads an {@link Unknown} value: the verdict waits for the value. The path proof
 * keeps only a failed hop's message, so the message carries a mark that tells this apart from a broken hop.
 */
final class Unjudgeable extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private static final String MARK = "[not known to the policy pack] ";

    Unjudgeable(String what) {
        // No stack trace: this is an expected answer, thrown for every unknown a rule reads at a preview.
        super(MARK + what, null, false, false);
    }

    /** Whether a hop failed for want of a value rather than for what the resources say. */
    static boolean marks(String reason) {
        return reason.startsWith(MARK);
    }

    /** The value that was needed, without the mark. */
    static String what(String reason) {
        return reason.substring(MARK.length());
    }

    String what() {
        return what(getMessage());
    }
}
