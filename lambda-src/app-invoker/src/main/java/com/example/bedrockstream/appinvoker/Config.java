package com.example.bedrockstream.appinvoker;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The function's settings, read once from the environment the Pulumi program sets.
 * Every value is checked up front so a misconfigured stack fails with the variable's name,
 * not later with an opaque AWS error.
 */
public record Config(
        String mlFunctionArn,
        String invokerRoleArn,
        String externalId,
        String mlRegion,
        String roleSessionName,
        Optional<URI> lambdaEndpoint,
        Optional<URI> stsEndpoint,
        long maxAnswerBytes) {

    static final String ML_FUNCTION_ARN = "ML_FUNCTION_ARN";
    static final String INVOKER_ROLE_ARN = "INVOKER_ROLE_ARN";
    static final String EXTERNAL_ID = "EXTERNAL_ID";
    static final String ML_REGION = "ML_REGION";
    static final String ROLE_SESSION_NAME = "ROLE_SESSION_NAME";
    static final String LAMBDA_ENDPOINT = "LAMBDA_ENDPOINT";
    static final String STS_ENDPOINT = "STS_ENDPOINT";
    static final String MAX_ANSWER_BYTES = "MAX_ANSWER_BYTES";

    static final String DEFAULT_ROLE_SESSION_NAME = "app-invoker";
    /**
     * The handler returns the collected answer in its own response, which Lambda caps at 6 MB; 5 MiB leaves room
     * for the JSON around it and its escapes.
     */
    static final long DEFAULT_MAX_ANSWER_BYTES = 5L * 1024 * 1024;

    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws[a-z-]*:lambda:([a-z0-9-]+):\\d{12}:function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9_$-]{1,128})?");
    private static final Pattern ROLE_ARN = Pattern.compile("arn:aws[a-z-]*:iam::\\d{12}:role/[\\w+=,.@/-]{1,512}");
    // STS limits: external id 2-1224 chars, session name 2-64 chars, each from a fixed character set.
    private static final Pattern EXTERNAL_ID_CHARS = Pattern.compile("[\\w+=,.@:/-]{2,1224}");
    private static final Pattern SESSION_NAME_CHARS = Pattern.compile("[\\w+=,.@-]{2,64}");
    private static final Pattern REGION = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");

    public static Config fromEnv(Map<String, String> env) {
        String region = required(env, ML_REGION);
        if (!REGION.matcher(region).matches()) {
            throw malformed(ML_REGION, "'" + region + "' is not an AWS region name such as us-east-1");
        }

        String functionArn = required(env, ML_FUNCTION_ARN);
        Matcher fn = FUNCTION_ARN.matcher(functionArn);
        if (!fn.matches()) {
            throw malformed(ML_FUNCTION_ARN, "'" + functionArn + "' is not a Lambda function ARN");
        }
        // The client talks to lambda.<ML_REGION>; a function elsewhere could never be reached through it.
        if (!fn.group(1).equals(region)) {
            throw malformed(ML_FUNCTION_ARN, "function is in region " + fn.group(1) + " but " + ML_REGION + " is " + region);
        }

        String roleArn = required(env, INVOKER_ROLE_ARN);
        if (!ROLE_ARN.matcher(roleArn).matches()) {
            throw malformed(INVOKER_ROLE_ARN, "'" + roleArn + "' is not an IAM role ARN");
        }

        // The external id is a secret: never echo its value.
        String externalId = required(env, EXTERNAL_ID);
        if (!EXTERNAL_ID_CHARS.matcher(externalId).matches()) {
            throw malformed(EXTERNAL_ID, "must be 2-1224 characters from [A-Za-z0-9+=,.@:/_-]");
        }

        String sessionName = optional(env, ROLE_SESSION_NAME).orElse(DEFAULT_ROLE_SESSION_NAME);
        if (!SESSION_NAME_CHARS.matcher(sessionName).matches()) {
            throw malformed(ROLE_SESSION_NAME, "'" + sessionName + "' must be 2-64 characters from [A-Za-z0-9+=,.@_-]");
        }

        Optional<URI> endpoint = optional(env, LAMBDA_ENDPOINT).map(v -> endpointUri(LAMBDA_ENDPOINT, v));
        Optional<URI> sts = optional(env, STS_ENDPOINT).map(v -> endpointUri(STS_ENDPOINT, v));

        long maxAnswerBytes = optional(env, MAX_ANSWER_BYTES).map(Config::positiveBytes).orElse(DEFAULT_MAX_ANSWER_BYTES);

        return new Config(functionArn, roleArn, externalId, region, sessionName, endpoint, sts, maxAnswerBytes);
    }

    private static URI endpointUri(String name, String value) {
        try {
            URI uri = new URI(value);
            if (("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (java.net.URISyntaxException e) {
            // reported below with the variable's name
        }
        throw malformed(name, "'" + value + "' is not an http(s) URL with a host");
    }

    private static long positiveBytes(String value) {
        try {
            long bytes = Long.parseLong(value);
            if (bytes > 0) {
                return bytes;
            }
        } catch (NumberFormatException e) {
            // reported below with the variable's name
        }
        throw malformed(MAX_ANSWER_BYTES, "'" + value + "' is not a positive whole number of bytes");
    }

    private static String required(Map<String, String> env, String name) {
        return optional(env, name).orElseThrow(() ->
                new IllegalStateException("Environment variable " + name + " is required but is not set"));
    }

    private static Optional<String> optional(Map<String, String> env, String name) {
        String value = env.get(name);
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.trim());
    }

    private static IllegalStateException malformed(String name, String why) {
        return new IllegalStateException("Environment variable " + name + " is malformed: " + why);
    }

    /** Keeps the external id out of any log line or exception that prints the config. */
    @Override
    public String toString() {
        return "Config[mlFunctionArn=" + mlFunctionArn + ", invokerRoleArn=" + invokerRoleArn
                + ", externalId=***, mlRegion=" + mlRegion + ", roleSessionName=" + roleSessionName
                + ", lambdaEndpoint=" + lambdaEndpoint.map(URI::toString).orElse("default")
                + ", stsEndpoint=" + stsEndpoint.map(URI::toString).orElse("default")
                + ", maxAnswerBytes=" + maxAnswerBytes + "]";
    }
}
