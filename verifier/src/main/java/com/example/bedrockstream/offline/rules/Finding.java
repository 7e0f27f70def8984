package com.example.bedrockstream.offline.rules;

import com.example.bedrockstream.offline.MockResource;

/** One rule violated by one resource of one stack. */
public record Finding(String ruleId, String stack, String resourceType, String resourceName, String problem) {

    static Finding of(PlanRule rule, String stack, MockResource resource, String problem) {
        return new Finding(rule.id(), stack, resource.type(), resource.name(), problem);
    }

    /** {@code rule id · stack · resource · what is wrong}, the form a reviewer cites. */
    public String line() {
        return ruleId + " · " + stack + " · " + MockResource.shortType(resourceType) + " " + resourceName + " · " + problem;
    }
}
