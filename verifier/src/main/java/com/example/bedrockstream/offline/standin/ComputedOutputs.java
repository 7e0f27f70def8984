package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.CloudModel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * A resource's outputs: its inputs as the engine sent them (secrets still marked) plus what {@link CloudModel}
 * computes, the same model the mock engine asks.
 *
 * @param id       the resource's id, empty when it depends on a value not known yet
 * @param outputs  the inputs and the computed attributes
 * @param computed the attributes the model computed (not inputs), by name
 */
record ComputedOutputs(String id, Map<String, Object> outputs, Map<String, Object> computed) {

    /**
     * In a preview an input may not be known yet; what AWS would compute from it is not known either. Which
     * attributes depend on such an input is found by computing again with the unknowns standing for other values
     * (a string, a flag, a list: the shapes the model reads): whatever differs is unknown.
     */
    private static final List<Function<Object, Object>> STAND_INS = List.of(
            unknown -> unknown,
            unknown -> Boolean.TRUE,
            unknown -> List.of(unknown));

    static ComputedOutputs of(CloudModel model, String type, String name, Map<String, Object> inputs, String region) {
        var plain = Values.plain(inputs);
        // A null input is an unset one: the model reads it as absent, as it does under the mock engine.
        plain.values().removeIf(Objects::isNull);
        var runs = STAND_INS.stream().map(standIn -> run(model, type, name, substituted(plain, standIn), region)).toList();
        var first = runs.get(0);
        boolean dependsOnUnknown = runs.stream().anyMatch(run -> !run.id().equals(first.id()));
        var computed = new LinkedHashMap<String, Object>();
        first.state().forEach((key, value) -> {
            if (!Objects.equals(value, plain.get(key))) {
                boolean known = runs.stream().allMatch(run -> Objects.equals(run.state().get(key), value));
                computed.put(key, known ? value : Values.UNKNOWN);
            }
        });
        var outputs = new LinkedHashMap<>(inputs);
        outputs.putAll(computed);
        return new ComputedOutputs(dependsOnUnknown ? "" : first.id(), outputs, computed);
    }

    /** The outputs of a resource that keeps {@code id}: an update never changes a resource's id. */
    ComputedOutputs keeping(String id) {
        var outputs = new LinkedHashMap<>(outputs());
        var computed = new LinkedHashMap<>(computed());
        outputs.put("id", id);
        computed.put("id", id);
        return new ComputedOutputs(id, outputs, computed);
    }

    private record Run(String id, Map<String, Object> state) {
    }

    private static Run run(CloudModel model, String type, String name, Map<String, Object> inputs, String region) {
        var state = new LinkedHashMap<>(inputs);
        String id = model.computed(type, name, inputs, state, region);
        return new Run(id, state);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> substituted(Map<String, Object> inputs, Function<Object, Object> standIn) {
        return (Map<String, Object>) substitute(inputs, standIn);
    }

    private static Object substitute(Object value, Function<Object, Object> standIn) {
        if (Values.isUnknown(value)) {
            return standIn.apply(value);
        }
        if (value instanceof Map<?, ?> map) {
            var result = new LinkedHashMap<String, Object>();
            map.forEach((key, element) -> result.put(String.valueOf(key), substitute(element, standIn)));
            return result;
        }
        if (value instanceof List<?> list) {
            return list.stream().map(element -> substitute(element, standIn)).toList();
        }
        return value;
    }
}
