package com.example.bedrockstream.offline;

import java.util.List;
import java.util.Map;
import java.util.Optional;
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

    /**
     * The registered provider resource a resource was created through, empty for the default provider (which is
     * never registered by the program). A reference reads "urn:pulumi:stack::project::[parent types$]type::name::id".
     */
    public Optional<MockResource> explicitProvider(MockResource resource) {
        return resource.provider().flatMap(reference -> {
            String[] parts = reference.split("::");
            if (parts.length < 5) {
                return Optional.empty();
            }
            String type = parts[2].substring(parts[2].lastIndexOf('$') + 1);
            return resources.stream()
                    .filter(r -> r.type().equals(type) && type.startsWith("pulumi:providers:") && r.name().equals(parts[3]))
                    .findFirst();
        });
    }

    public String errorText() {
        return String.join("\n", errors);
    }
}
