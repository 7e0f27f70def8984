package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.compute.LambdaEnvironment;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.network.EndpointService;
import com.example.bedrockstream.offline.AwsTypes;
import com.example.bedrockstream.offline.MockResource;
import com.example.bedrockstream.offline.PolicyJson;
import com.google.gson.JsonParser;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ML account's end of the path, each piece found by what it is rather than by name or config: the stack that
 * holds a bedrock-runtime endpoint, the function in that stack, the role there that another account may assume,
 * and the models the function itself accepts (its ALLOWED_MODEL_IDS).
 */
final class MlSide {
    static final EndpointService BEDROCK = EndpointService.BEDROCK_RUNTIME;
    private static final String ALLOWED_MODEL_IDS = LambdaEnvironment.MlStream.ALLOWED_MODEL_IDS.name();

    private final Deployment deployment;
    private final Optional<Deployment.Placed> bedrockEndpoint;

    MlSide(Deployment deployment) {
        this.deployment = deployment;
        this.bedrockEndpoint = deployment.placed(AwsTypes.ENDPOINT).stream()
                .filter(p -> Deployment.text(p.resource(), "serviceName").filter(s -> s.endsWith("." + BEDROCK.label()))
                        .isPresent())
                .findFirst();
    }

    Optional<String> stack() {
        return bedrockEndpoint.map(Deployment.Placed::stack);
    }

    MockResource bedrockEndpoint() {
        return bedrockEndpoint.map(Deployment.Placed::resource)
                .orElseThrow(() -> new PathGap("no " + BEDROCK.label() + " interface endpoint in any stack"));
    }

    /** The ML region, from the endpoint's service name com.amazonaws.&lt;region&gt;.bedrock-runtime. */
    String region() {
        String service = Deployment.text(bedrockEndpoint(), "serviceName").orElseThrow();
        return service.split("\\.")[2];
    }

    MockResource function() {
        var functions = inMlStack(AwsTypes.FUNCTION);
        if (functions.size() != 1) {
            throw new PathGap("expected one function in the ML stack, found "
                    + functions.stream().map(MockResource::name).toList());
        }
        return functions.get(0);
    }

    String functionArn() {
        return Deployment.text(function(), "arn").orElseThrow();
    }

    String functionRoleArn() {
        return Deployment.text(function(), "role")
                .orElseThrow(() -> new PathGap("the ML function " + function().name() + " has no role"));
    }

    /** The role in the ML stack whose trust names an AWS principal: the one application callers assume. */
    MockResource invokerRole() {
        return inMlStack(AwsTypes.ROLE).stream()
                .filter(role -> Deployment.text(role, "assumeRolePolicy").filter(MlSide::trustsAnAccount).isPresent())
                .findFirst()
                .orElseThrow(() -> new PathGap("no role in the ML stack trusts another account"));
    }

    String invokerRoleArn() {
        return Deployment.text(invokerRole(), "arn").orElseThrow();
    }

    /** Each model the ML function accepts, with every ARN a request for it is authorised against. */
    Map<String, List<String>> modelArns() {
        String ids = Deployment.text(function(), "environment.variables." + ALLOWED_MODEL_IDS)
                .orElseThrow(() -> new PathGap("the ML function has no " + ALLOWED_MODEL_IDS));
        String account = functionArn().split(":")[4];
        var arns = new LinkedHashMap<String, List<String>>();
        Arrays.stream(ids.split(",")).map(String::trim).filter(id -> !id.isEmpty()).forEach(id -> arns.put(id,
                ModelId.parse(id).map(m -> m.resourceArns(region(), account))
                        .orElseThrow(() -> new PathGap("the ML function allows " + id + ", which is no model id"))));
        return arns;
    }

    private List<MockResource> inMlStack(String type) {
        String stack = stack().orElseThrow(() -> new PathGap("no " + BEDROCK.label() + " interface endpoint in any stack"));
        return deployment.placed(type).stream().filter(p -> p.stack().equals(stack))
                .map(Deployment.Placed::resource).toList();
    }

    private static boolean trustsAnAccount(String trust) {
        var statements = JsonParser.parseString(trust).getAsJsonObject().get("Statement");
        for (var statement : PolicyJson.elements(statements)) {
            var principal = statement.getAsJsonObject().get("Principal");
            if (principal != null && principal.isJsonObject() && principal.getAsJsonObject().has("AWS")) {
                return true;
            }
        }
        return false;
    }
}
