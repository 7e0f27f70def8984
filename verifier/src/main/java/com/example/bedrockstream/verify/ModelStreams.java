package com.example.bedrockstream.verify;

import com.example.bedrockstream.compute.PrivateFunctionArgs;
import com.example.bedrockstream.monitoring.Canary;
import com.example.bedrockstream.preflight.AwsClients;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Each Application Lambda, once for every allowed model, with the canary's request (the fixed prompt, a few output
 * tokens) but without its {@code canary} flag, so the run publishes no canary metric and the function returns what it
 * streamed. The function is invoked synchronously: it reads the ML function's stream itself and answers when the
 * stream is complete ({@code text}, {@code chunks}, timings; lambda-src/app-invoker/README.md), so an answer with
 * text and at least one chunk proves the whole private path streamed. The answer's text is never printed.
 */
final class ModelStreams {
    static final String NAME = "stream ";

    private ModelStreams() {
    }

    /** @param functionTimeout how long the functions may run, which is how long their answer may take */
    static List<Hop> run(String region, DeployedOutputs deployed, Duration functionTimeout, AwsClients aws) {
        var hops = new ArrayList<Hop>();
        // Lambda answers a synchronous call when the function returns; a little more for the network and the start.
        try (var lambda = aws.lambda(region, functionTimeout.plusSeconds(30))) {
            for (String function : deployed.functions()) {
                for (String model : deployed.models()) {
                    hops.add(stream(lambda, region, function, model));
                }
            }
        }
        return hops;
    }

    private static Hop stream(LambdaClient lambda, String region, String function, String model) {
        String hop = NAME + function + " " + model;
        String logs = "the function's log group " + PrivateFunctionArgs.logGroupName(function) + " in " + region;
        try {
            var response = lambda.invoke(r -> r.functionName(function).invocationType(InvocationType.REQUEST_RESPONSE)
                    .payload(SdkBytes.fromString(Canary.request(model).toString(), StandardCharsets.UTF_8)));
            String payload = response.payload() == null ? "" : response.payload().asUtf8String();
            JsonObject answer;
            try {
                answer = JsonParser.parseString(payload).getAsJsonObject();
            } catch (JsonParseException | IllegalStateException notAnObject) {
                return Hop.fail(hop, "the Application Lambda answered something other than a JSON object",
                        "read " + logs);
            }
            if (response.functionError() != null) {
                return Hop.fail(hop, "the Application Lambda failed: " + text(answer, "errorType") + ": "
                        + text(answer, "errorMessage"), "read " + logs + "; MlFunctionException carries the ML"
                        + " function's or Bedrock's error (AccessDenied: the model's agreement, see the ML stack's"
                        + " preflight), InvocationFailedException a broken path to the ML account (the offline preview"
                        + " proves it hop by hop), ThrottledException the ML function's reserved concurrency");
            }
            int chunks = answer.has("chunks") && answer.get("chunks").isJsonPrimitive()
                    ? answer.get("chunks").getAsInt() : 0;
            String text = text(answer, "text");
            if (chunks < 1 || text.isBlank()) {
                return Hop.fail(hop, "the Application Lambda answered without streamed text (fields: "
                        + new TreeSet<>(answer.keySet()) + ")", "read " + logs + "; the model must answer Converse"
                        + " requests, and the function must be the one lambda-src/app-invoker builds");
            }
            return Hop.pass(hop, chunks + " chunk(s), " + text.length() + " character(s), first byte after "
                    + text(answer, "timeToFirstByteMs") + " ms, " + text(answer, "totalMs") + " ms in all");
        } catch (ResourceNotFoundException e) {
            return Hop.fail(hop, "no function " + function + " in " + region + ": " + e.awsErrorDetails().errorMessage(),
                    "deploy the stack first, or pass its own outputs (pulumi stack output --stack <stack> --json)");
        } catch (SdkException e) {
            return Hop.fail(hop, "lambda:InvokeFunction failed: " + e.getMessage(), "allow the credentials"
                    + " lambda:InvokeFunction on " + function + " (docs/deploy-roles/, statement VerifyAfterUpStreams)");
        }
    }

    private static String text(JsonObject object, String field) {
        return object.has(field) && object.get(field).isJsonPrimitive() ? object.get(field).getAsString() : "";
    }
}
