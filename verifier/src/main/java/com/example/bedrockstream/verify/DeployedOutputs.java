package com.example.bedrockstream.verify;

import com.example.bedrockstream.contract.HubOutputs;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.contract.SpokeOutputs;
import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.domain.Role;
import com.google.gson.Gson;
import com.google.gson.JsonParseException;

import java.util.List;
import java.util.Map;

/**
 * What {@code pulumi stack output --json} says was deployed, as far as verify needs it: the region, the Application
 * Lambdas and the models their callers may name. Read from the outputs rather than the stack file, so verify tries
 * what exists, and the outputs' region is checked against the stack file's, so they cannot be another stack's.
 */
record DeployedOutputs(String region, List<String> functions, List<String> models) {

    /** The outputs of a stack of {@code role}; throws with the missing or malformed output named. */
    static DeployedOutputs parse(String json, Role role) {
        Map<?, ?> outputs;
        try {
            outputs = new Gson().fromJson(json, Map.class);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("not the JSON object `pulumi stack output --json` prints: " + e.getMessage());
        }
        if (outputs == null) {
            throw new IllegalArgumentException("no outputs at all: the stack has not been deployed");
        }
        return switch (role) {
            case ML -> new DeployedOutputs(get(outputs, MlOutputs.REGION), List.of(), List.of());
            case APP_HUB -> new DeployedOutputs(get(outputs, HubOutputs.REGION),
                    List.of(get(outputs, HubOutputs.APP_FUNCTION_NAME)), get(outputs, HubOutputs.ALLOWED_MODEL_IDS));
            case APP_SPOKE -> new DeployedOutputs(get(outputs, SpokeOutputs.REGION),
                    get(outputs, SpokeOutputs.APP_FUNCTION_NAMES), get(outputs, SpokeOutputs.ALLOWED_MODEL_IDS));
        };
    }

    private static <T> T get(Map<?, ?> outputs, StackOutput<T> output) {
        if (!outputs.containsKey(output.name())) {
            throw new IllegalArgumentException("no output " + output.name() + " (" + output.description() + ")");
        }
        return output.cast(outputs.get(output.name())).orElseThrow(() -> new IllegalArgumentException(
                "output " + output.name() + " is " + outputs.get(output.name()) + ", expected " + output.expected()));
    }
}
