package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.PolicyJson;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.util.List;
import java.util.Map;

/**
 * Judges one policy document (identity, trust, or endpoint policy) against one request as AWS does: a statement
 * applies when its principal, action, resource and every condition match; any applying Deny wins, otherwise any
 * applying Allow allows, otherwise the request is implicitly denied. Elements it cannot judge (NotPrincipal, other
 * condition operators) throw, so nothing unknown is taken as a pass.
 */
public final class PolicyEvaluator {
    private PolicyEvaluator() {
    }

    public static PolicyDecision evaluate(String policyJson, PolicyRequest request) {
        JsonObject document = JsonParser.parseString(policyJson).getAsJsonObject();
        boolean allowed = false;
        for (JsonElement element : PolicyJson.elements(document.get("Statement"))) {
            JsonObject statement = element.getAsJsonObject();
            if (!applies(statement, request)) {
                continue;
            }
            String effect = statement.get("Effect").getAsString();
            if (effect.equals("Deny")) {
                return PolicyDecision.EXPLICIT_DENY;
            }
            allowed |= effect.equals("Allow");
        }
        return allowed ? PolicyDecision.ALLOW : PolicyDecision.IMPLICIT_DENY;
    }

    private static boolean applies(JsonObject statement, PolicyRequest request) {
        if (statement.has("NotPrincipal")) {
            throw new IllegalArgumentException("NotPrincipal is not evaluated offline");
        }
        return principalMatches(statement, request)
                && listMatches(statement, "Action", "NotAction", request.action(), true)
                && listMatches(statement, "Resource", "NotResource", request.resource(), false)
                && conditionsHold(statement, request);
    }

    /** A statement without Principal belongs to an identity policy: it speaks for the identity it is attached to. */
    private static boolean principalMatches(JsonObject statement, PolicyRequest request) {
        if (!statement.has("Principal")) {
            return true;
        }
        JsonElement principal = statement.get("Principal");
        if (principal.isJsonPrimitive()) {
            return principal.getAsString().equals("*");
        }
        JsonElement aws = principal.getAsJsonObject().get("AWS");
        if (aws == null || request.principalArn().isEmpty()) {
            return false;
        }
        String arn = request.principalArn().get();
        String account = arn.split(":", 6).length == 6 ? arn.split(":", 6)[4] : "";
        return strings(aws).stream().anyMatch(value -> value.equals("*") || value.equals(arn)
                || value.equals(account) || value.equals("arn:aws:iam::" + account + ":root"));
    }

    /** Actions match case-insensitively, resources case-sensitively; a statement without either applies to all. */
    private static boolean listMatches(JsonObject statement, String element, String notElement, String value,
                                       boolean ignoreCase) {
        if (statement.has(element)) {
            return strings(statement.get(element)).stream().anyMatch(p -> Wildcard.matches(p, value, ignoreCase));
        }
        if (statement.has(notElement)) {
            return strings(statement.get(notElement)).stream().noneMatch(p -> Wildcard.matches(p, value, ignoreCase));
        }
        return true;
    }

    private static boolean conditionsHold(JsonObject statement, PolicyRequest request) {
        if (!statement.has("Condition")) {
            return true;
        }
        for (Map.Entry<String, JsonElement> operator : statement.getAsJsonObject("Condition").entrySet()) {
            ConditionOperators.requireSupported(operator.getKey());
            for (Map.Entry<String, JsonElement> key : operator.getValue().getAsJsonObject().entrySet()) {
                var actual = request.value(key.getKey());
                boolean holds = actual.isEmpty() ? ConditionOperators.holdsWithoutKey(operator.getKey())
                        : ConditionOperators.holds(operator.getKey(), strings(key.getValue()), actual.get());
                if (!holds) {
                    return false;
                }
            }
        }
        return true;
    }

    private static List<String> strings(JsonElement element) {
        return PolicyJson.elements(element).stream().map(JsonElement::getAsString).toList();
    }
}
