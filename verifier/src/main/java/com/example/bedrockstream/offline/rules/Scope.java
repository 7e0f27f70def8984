package com.example.bedrockstream.offline.rules;

/**
 * How much of a deployment a rule must see to judge, which decides where the real engine can run it: the policy
 * pack is handed one resource at a time before it is created (Analyze), then one stack's resources at the end of a
 * preview or update (AnalyzeStack), and never the other stacks.
 */
public enum Scope {
    /** One resource's inputs, and the explicit provider it is created through: judged before the resource is created. */
    RESOURCE("one resource's inputs and its provider"),
    /** Other resources of the same stack, the values AWS computes (ids, ARNs) or the stack's exports. */
    STACK("the resources, computed values and exports of one stack"),
    /** Resources of several stacks. */
    DEPLOYMENT("the resources of every stack");

    private final String meaning;

    Scope(String meaning) {
        this.meaning = meaning;
    }

    public String meaning() {
        return meaning;
    }
}
