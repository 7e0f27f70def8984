package com.example.bedrockstream.policy;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

import java.util.List;

/** An IAM, trust, key or endpoint policy as data; {@link #toJson()} is the only way it becomes text. */
public record PolicyDocument(List<Statement> statements) {

    public PolicyDocument {
        if (statements.isEmpty()) {
            throw new IllegalArgumentException("a policy has at least one statement");
        }
        statements = List.copyOf(statements);
    }

    public static PolicyDocument of(Statement... statements) {
        return new PolicyDocument(List.of(statements));
    }

    public String toJson() {
        var root = new JsonObject();
        root.addProperty("Version", "2012-10-17");
        var array = new JsonArray();
        statements.forEach(s -> array.add(toJson(s)));
        root.add("Statement", array);
        return new GsonBuilder().disableHtmlEscaping().create().toJson(root);
    }

    /** Characters IAM counts against its policy size quotas: IAM does not count whitespace. */
    public int iamSize() {
        return PolicySizes.iamCharacters(toJson());
    }

    /** Characters of the document as sent: the VPC endpoint policy quota counts every one, whitespace included. */
    public int length() {
        return toJson().length();
    }

    private static JsonObject toJson(Statement s) {
        var o = new JsonObject();
        o.addProperty("Sid", s.sid());
        o.addProperty("Effect", s.effect());
        s.principal().ifPresent(p -> {
            var principal = new JsonObject();
            principal.add(p.kind(), strings(p.values()));
            o.add("Principal", principal);
        });
        o.add("Action", strings(s.actions()));
        if (!s.resources().isEmpty()) {
            o.add("Resource", strings(s.resources()));
        }
        if (!s.conditions().isEmpty()) {
            var conditions = new JsonObject();
            for (Condition c : s.conditions()) {
                if (!conditions.has(c.operator())) {
                    conditions.add(c.operator(), new JsonObject());
                }
                conditions.getAsJsonObject(c.operator()).add(c.key(), strings(c.values()));
            }
            o.add("Condition", conditions);
        }
        return o;
    }

    private static JsonArray strings(List<String> values) {
        var array = new JsonArray();
        values.forEach(array::add);
        return array;
    }
}
