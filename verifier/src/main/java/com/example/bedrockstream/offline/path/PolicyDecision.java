package com.example.bedrockstream.offline.path;

/** What a policy says about a request: an explicit deny beats any allow, and silence denies. */
public enum PolicyDecision {
    ALLOW, EXPLICIT_DENY, IMPLICIT_DENY;

    public boolean allowed() {
        return this == ALLOW;
    }
}
