package com.example.bedrockstream.offline;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What one stack's program did under the mock engine.
 *
 * @param resources     every resource registered, components and StackReferences included, in order
 * @param outputs       stack exports by name
 * @param secretOutputs the exports that are Pulumi secrets
 * @param errors        what the program reported as errors (config problems, missing outputs)
 */
public record OfflineRun(
        String stack,
        List<MockResource> resources,
        Map<String, Object> outputs,
        Set<String> secretOutputs,
        List<String> errors) {

    public boolean succeeded() {
        return errors.isEmpty();
    }

    /** The cloud resources: what `pulumi up` would create. */
    public List<MockResource> awsResources() {
        return resources.stream().filter(MockResource::isAws).toList();
    }

    public List<MockResource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public MockResource one(String type, Predicate<MockResource> which) {
        var matches = resources.stream().filter(r -> r.type().equals(type)).filter(which).toList();
        if (matches.size() != 1) {
            throw new AssertionError("expected one " + type + " that matches, found "
                    + matches.stream().map(MockResource::name).toList());
        }
        return matches.get(0);
    }

    public MockResource named(String type, String name) {
        return one(type, r -> r.name().equals(name));
    }

    public String errorText() {
        return String.join("\n", errors);
    }
}
