package com.example.bedrockstream.appinvoker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.StsException;

/**
 * One per container: holds the Lambda client (and through it the cached assumed-role credentials)
 * and runs one streamed invocation per request.
 */
final class StreamingInvoker {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Config config;
    private final LambdaAsyncClient lambda;
    private final LongSupplier nanoClock;

    StreamingInvoker(Config config, LambdaAsyncClient lambda, LongSupplier nanoClock) {
        this.config = config;
        this.lambda = lambda;
        this.nanoClock = nanoClock;
    }

    /** Wires the real AWS clients; called once per container. */
    static StreamingInvoker create(Config config) {
        return create(config, AwsClients.stsClient(config));
    }

    /** The STS client is a parameter so tests can run the real wiring against a mocked STS. */
    static StreamingInvoker create(Config config, StsClient sts) {
        var credentials = AwsClients.credentialsProvider(sts, config);
        return new StreamingInvoker(config, AwsClients.lambdaClient(config, credentials), System::nanoTime);
    }

    /**
     * Collects the whole answer, up to the config's {@code maxAnswerBytes}. The request must already be validated.
     * Blocks until the stream has ended. {@code deadlineMs} (epoch ms), when given, is sent as the request's
     * {@code deadlineMs} so the ML function stops by then; a deadline the request already carries is kept when it is
     * earlier.
     */
    StreamResult invoke(Map<String, Object> request, OptionalLong deadlineMs) {
        return run(request, deadlineMs, StreamCollector.collecting(nanoClock, config.maxAnswerBytes()));
    }

    /**
     * As {@link #invoke}, but each piece of text goes to {@code sink} as it arrives and none is kept, so memory is
     * flat in the answer's length; the result's text is empty. A slow sink slows the ML function down (backpressure)
     * rather than piling up text here.
     */
    StreamResult stream(Map<String, Object> request, OptionalLong deadlineMs, Consumer<CharSequence> sink) {
        return run(request, deadlineMs, StreamCollector.streaming(nanoClock, sink));
    }

    private StreamResult run(Map<String, Object> request, OptionalLong deadlineMs, StreamCollector collector) {
        InvokeWithResponseStreamRequest call = InvokeWithResponseStreamRequest.builder()
                .functionName(config.mlFunctionArn())
                .payload(SdkBytes.fromByteArrayUnsafe(toJson(withDeadline(request, deadlineMs))))
                .build();
        InvokeWithResponseStreamResponseHandler handler = InvokeWithResponseStreamResponseHandler.builder()
                .subscriber(collector)
                .build();
        try {
            lambda.invokeWithResponseStream(call, handler).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InvocationFailedException("Interrupted while reading the ML function's stream", e);
        } catch (ExecutionException | CompletionException e) {
            throw translate(e.getCause() == null ? e : e.getCause());
        }
        return collector.finish();
    }

    private static Map<String, Object> withDeadline(Map<String, Object> request, OptionalLong deadlineMs) {
        if (deadlineMs.isEmpty()) {
            return request;
        }
        long deadline = deadlineMs.getAsLong();
        if (request.get("deadlineMs") instanceof Number given && given.longValue() > 0) {
            deadline = Math.min(deadline, given.longValue());
        }
        var out = new LinkedHashMap<>(request);
        out.put("deadlineMs", deadline);
        return out;
    }

    private RuntimeException translate(Throwable error) {
        // The async pipeline wraps errors (CompletionException, "Unable to load credentials", ...):
        // look through the whole chain for the most telling one.
        AnswerTooLargeException tooLarge = find(error, AnswerTooLargeException.class);
        if (tooLarge != null) {
            return tooLarge;
        }
        TooManyRequestsException throttled = find(error, TooManyRequestsException.class);
        if (throttled != null) {
            return new ThrottledException("Throttled: Lambda returned TooManyRequestsException (HTTP "
                    + throttled.statusCode() + ", reason " + throttled.reasonAsString() + ") for "
                    + config.mlFunctionArn() + "; retry later or raise the ML function's concurrency", throttled);
        }
        StsException sts = find(error, StsException.class);
        if (sts != null) {
            return new InvocationFailedException("AssumeRole of " + config.invokerRoleArn() + " failed: "
                    + serviceError(sts), sts);
        }
        AwsServiceException service = find(error, AwsServiceException.class);
        if (service != null) {
            return new InvocationFailedException("InvokeWithResponseStream on " + config.mlFunctionArn()
                    + " failed: " + serviceError(service), service);
        }
        SdkClientException client = find(error, SdkClientException.class);
        if (client != null) {
            return new InvocationFailedException("Could not call " + config.mlFunctionArn()
                    + " (client or network error): " + client.getMessage(), client);
        }
        return new InvocationFailedException("InvokeWithResponseStream on " + config.mlFunctionArn()
                + " failed: " + error, error);
    }

    private static <T extends Throwable> T find(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String serviceError(AwsServiceException e) {
        String code = e.awsErrorDetails() == null ? null : e.awsErrorDetails().errorCode();
        return (code == null ? e.getClass().getSimpleName() : code) + " (HTTP " + e.statusCode() + "): "
                + e.getMessage();
    }

    private static byte[] toJson(Map<String, Object> request) {
        try {
            return JSON.writeValueAsBytes(request);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Request cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
    }
}
