package com.example.bedrockstream.preflight;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.http.ContentStreamProvider;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpMethod;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.auth.aws.signer.AwsV4HttpSigner;
import software.amazon.awssdk.identity.spi.AwsCredentialsIdentity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A call to an AWS JSON-protocol API (awsJson1_0 or awsJson1_1) signed with the SDK's own SigV4 signer: for the
 * services this project has no SDK module of (Service Quotas, SageMaker), two read operations do not warrant one; and
 * for CloudWatch, whose SDK client speaks only Smithy RPC v2 CBOR, which moto's server (the tests' emulator) does
 * not (getmoto/moto#9195), while CloudWatch also serves the JSON protocol that boto3 and the AWS CLI use.
 */
public final class SignedJsonCall {
    private final SdkHttpClient http;
    private final AwsCredentialsProvider credentials;
    private final Map<String, String> headers;
    private final URI endpoint;
    private final String signingName;
    private final String targetPrefix;
    private final String region;
    /** "1.0" or "1.1": each service speaks one. */
    private final String jsonVersion;

    SignedJsonCall(SdkHttpClient http, AwsCredentialsProvider credentials, Map<String, String> headers, URI endpoint,
                   String signingName, String targetPrefix, String region, String jsonVersion) {
        this.http = http;
        this.credentials = credentials;
        this.headers = headers;
        this.endpoint = endpoint;
        this.signingName = signingName;
        this.targetPrefix = targetPrefix;
        this.region = region;
        this.jsonVersion = jsonVersion;
    }

    /** Calls {@code operation} with {@code body}; an error answer becomes an {@link AwsCallException}. */
    public JsonObject call(String operation, JsonObject body) {
        byte[] payload = body.toString().getBytes(StandardCharsets.UTF_8);
        var builder = SdkHttpRequest.builder().method(SdkHttpMethod.POST).uri(endpoint)
                .putHeader("Content-Type", "application/x-amz-json-" + jsonVersion)
                .putHeader("X-Amz-Target", targetPrefix + "." + operation);
        headers.forEach(builder::putHeader);
        var signed = AwsV4HttpSigner.create().sign(r -> r
                .identity((AwsCredentialsIdentity) credentials.resolveCredentials())
                .request(builder.build())
                .payload(ContentStreamProvider.fromByteArray(payload))
                .putProperty(AwsV4HttpSigner.SERVICE_SIGNING_NAME, signingName)
                .putProperty(AwsV4HttpSigner.REGION_NAME, region));
        try {
            var response = http.prepareRequest(HttpExecuteRequest.builder().request(signed.request())
                    .contentStreamProvider(signed.payload().orElseThrow()).build()).call();
            String text;
            var answer = response.responseBody();
            if (answer.isPresent()) {
                try (InputStream in = answer.get()) {
                    text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                }
            } else {
                text = "";
            }
            JsonObject json = text.isBlank() ? new JsonObject() : JsonParser.parseString(text).getAsJsonObject();
            if (!response.httpResponse().isSuccessful()) {
                String type = json.has("__type") ? json.get("__type").getAsString() : "HTTP " + response.httpResponse().statusCode();
                String message = json.has("message") ? json.get("message").getAsString()
                        : json.has("Message") ? json.get("Message").getAsString() : "";
                throw new AwsCallException(type.substring(type.indexOf('#') + 1), message);
            }
            return json;
        } catch (IOException e) {
            throw new UncheckedIOException(targetPrefix + "." + operation + " failed", e);
        }
    }

    /** An AWS error answer: its code (e.g. AccessDeniedException) and message. */
    public static final class AwsCallException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final String code;

        AwsCallException(String code, String message) {
            super(code + ": " + message);
            this.code = code;
        }

        public String code() {
            return code;
        }
    }
}
