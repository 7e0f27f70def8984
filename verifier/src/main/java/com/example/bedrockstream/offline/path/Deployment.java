package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.OfflineRun;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Every cloud resource of every run, as one account-spanning view: the hub side of a spoke link lives in the
 * spoke's stack, so no question about a hop can be answered from a single stack.
 */
final class Deployment {
    /** A resource and the stack that registered it. */
    record Placed(String stack, MockResource resource) {
    }

    private final List<OfflineRun> runs;
    /** By type, in deploy order: every hop of every caller asks by type, so with many spokes a scan per question is slow. */
    private final Map<String, List<Placed>> byType;

    Deployment(List<OfflineRun> runs) {
        this.runs = List.copyOf(runs);
        this.byType = runs.stream()
                .flatMap(run -> run.awsResources().stream().map(r -> new Placed(run.stack(), r)))
                .collect(Collectors.groupingBy(p -> p.resource().type(), Collectors.toUnmodifiableList()));
    }

    List<OfflineRun> runs() {
        return runs;
    }

    List<Placed> placed(String type) {
        return byType.getOrDefault(type, List.of());
    }

    List<MockResource> all(String type) {
        return placed(type).stream().map(Placed::resource).toList();
    }

    List<MockResource> where(String type, String input, String value) {
        return all(type).stream().filter(r -> text(r, input).filter(value::equals).isPresent()).toList();
    }

    Optional<MockResource> find(String type, Predicate<MockResource> which) {
        return all(type).stream().filter(which).findFirst();
    }

    /** The resource of {@code type} whose computed id is {@code id}. */
    Optional<MockResource> byId(String type, String id) {
        return find(type, r -> id.equals(id(r)));
    }

    static String id(MockResource resource) {
        return String.valueOf(resource.state().get("id"));
    }

    /** An input, or failing that a computed attribute (ARNs, zone ids, DNS entries). */
    static Optional<Object> value(MockResource resource, String path) {
        return resource.input(path).or(() -> Optional.ofNullable(resource.state().get(path)));
    }

    static Optional<String> text(MockResource resource, String path) {
        return value(resource, path).map(String::valueOf);
    }

    static List<String> texts(MockResource resource, String path) {
        return value(resource, path).filter(List.class::isInstance).map(v -> ((List<?>) v).stream()
                .map(String::valueOf).toList()).orElse(List.of());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> maps(MockResource resource, String path) {
        return value(resource, path).filter(List.class::isInstance).map(v -> (List<Map<String, Object>>) v)
                .orElse(List.of());
    }

    /** The VPC a subnet belongs to. */
    String vpcOf(String subnetId) {
        return byId(AwsTypes.SUBNET, subnetId).flatMap(s -> text(s, "vpcId"))
                .orElseThrow(() -> new PathGap("subnet " + subnetId + " is not among the resources"));
    }

    String blockOf(String subnetId) {
        return byId(AwsTypes.SUBNET, subnetId).flatMap(s -> text(s, "cidrBlock"))
                .orElseThrow(() -> new PathGap("subnet " + subnetId + " has no address block"));
    }

    /** The interface endpoints of one AWS service in one region, in every stack. */
    List<MockResource> endpoints(EndpointService service, String region) {
        return where(AwsTypes.ENDPOINT, "serviceName", service.serviceName(region));
    }
}
