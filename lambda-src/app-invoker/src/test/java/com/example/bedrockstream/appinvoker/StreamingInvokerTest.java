package com.example.bedrockstream.appinvoker;

import static com.example.bedrockstream.appinvoker.Events.chunk;
import static com.example.bedrockstream.appinvoker.Events.complete;
import static com.example.bedrockstream.appinvoker.Events.failed;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.mockito.ArgumentCaptor;
import org.mockito.Mock;
import org.mockito.junit.jupiter.MockitoExtension;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamRequest;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;
import software.amazon.awssdk.services.lambda.model.ResourceNotFoundException;
import software.amazon.awssdk.services.lambda.model.TooManyRequestsException;
import software.amazon.awssdk.services.sts.model.StsException;

@ExtendWith(MockitoExtension.class)
class StreamingInvokerTest {

    private static final Map<String, Object> REQUEST = Map.of(
            "modelId", "us.anthropic.claude-3-5-haiku-20241022-v1:0",
            "body", Map.of("max_tokens", 64, "messages", List.of(Map.of("role", "user", "content", "Hi"))));

    @Mock
    private LambdaAsyncClient lambda;

    private final AtomicLong nanos = new AtomicLong();

    private StreamingInvoker invoker() {
        return new StreamingInvoker(TestConfigs.config(), lambda, () -> nanos.addAndGet(7_000_000));
    }

    @Test
    void sendsTheRequestUnchangedToTheFunctionAndReturnsTheStreamedText() throws Exception {
        FakeLambda.streams(lambda, chunk("Hel"), chunk("lo"), complete());

        StreamResult result = invoker().invoke(REQUEST, OptionalLong.empty());

        assertEquals("Hello", result.text());
        assertEquals(2, result.chunks());
        assertEquals(7, result.timeToFirstByteMs()); // the fake clock moves 7 ms per reading
        assertEquals(14, result.totalMs());

        ArgumentCaptor<InvokeWithResponseStreamRequest> sent = ArgumentCaptor.forClass(InvokeWithResponseStreamRequest.class);
        verify(lambda).invokeWithResponseStream(sent.capture(), any(InvokeWithResponseStreamResponseHandler.class));
        assertEquals(TestConfigs.FUNCTION_ARN, sent.getValue().functionName());
        assertEquals(REQUEST, new ObjectMapper().readValue(sent.getValue().payload().asByteArray(), Map.class));
    }

    @Test
    void aDeadlineIsAddedToThePayloadAndAnEarlierOneInTheRequestIsKept() throws Exception {
        FakeLambda.streams(lambda, chunk("ok"), complete());
        invoker().invoke(REQUEST, OptionalLong.of(1_900_000_000_000L));
        FakeLambda.streams(lambda, chunk("ok"), complete());
        var earlier = new HashMap<String, Object>(REQUEST);
        earlier.put("deadlineMs", 1_800_000_000_000L);
        invoker().invoke(earlier, OptionalLong.of(1_900_000_000_000L));

        ArgumentCaptor<InvokeWithResponseStreamRequest> sent = ArgumentCaptor.forClass(InvokeWithResponseStreamRequest.class);
        verify(lambda, times(2)).invokeWithResponseStream(sent.capture(), any(InvokeWithResponseStreamResponseHandler.class));
        var first = new ObjectMapper().readValue(sent.getAllValues().get(0).payload().asByteArray(), Map.class);
        var expected = new HashMap<String, Object>(REQUEST);
        expected.put("deadlineMs", 1_900_000_000_000L);
        assertEquals(expected, first);
        var second = new ObjectMapper().readValue(sent.getAllValues().get(1).payload().asByteArray(), Map.class);
        assertEquals(1_800_000_000_000L, second.get("deadlineMs"));
    }

    @Test
    void functionErrorInInvokeCompleteFailsWithCodeAndDetails() {
        FakeLambda.streams(lambda, chunk("half an ans"), failed("Unhandled", "ValidationException: bad body"));

        MlFunctionException e = assertThrows(MlFunctionException.class, () -> invoker().invoke(REQUEST, OptionalLong.empty()));

        assertEquals("Unhandled", e.errorCode());
        assertTrue(e.getMessage().contains("errorCode=Unhandled"), e.getMessage());
        assertTrue(e.getMessage().contains("ValidationException: bad body"), e.getMessage());
    }

    @Test
    void throttlingIsReportedAsThrottled() {
        TooManyRequestsException throttle = (TooManyRequestsException) TooManyRequestsException.builder()
                .statusCode(429)
                .reason("ReservedFunctionConcurrentInvocationLimitExceeded")
                .message("Rate Exceeded.")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("TooManyRequestsException").build())
                .build();
        FakeLambda.fails(lambda, new CompletionException(throttle));

        ThrottledException e = assertThrows(ThrottledException.class, () -> invoker().invoke(REQUEST, OptionalLong.empty()));

        assertSame(throttle, e.getCause());
        assertTrue(e.getMessage().startsWith("Throttled: Lambda returned TooManyRequestsException (HTTP 429"),
                e.getMessage());
        assertTrue(e.getMessage().contains("ReservedFunctionConcurrentInvocationLimitExceeded"), e.getMessage());
        assertTrue(e.getMessage().contains(TestConfigs.FUNCTION_ARN), e.getMessage());
    }

    @Test
    void otherServiceErrorsNameTheErrorCode() {
        ResourceNotFoundException missing = (ResourceNotFoundException) ResourceNotFoundException.builder()
                .statusCode(404)
                .message("Function not found")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("ResourceNotFoundException").build())
                .build();
        FakeLambda.fails(lambda, new CompletionException(missing));

        InvocationFailedException e = assertThrows(InvocationFailedException.class, () -> invoker().invoke(REQUEST, OptionalLong.empty()));

        assertEquals(InvocationFailedException.class, e.getClass());
        assertTrue(e.getMessage().startsWith("InvokeWithResponseStream on " + TestConfigs.FUNCTION_ARN
                + " failed: ResourceNotFoundException (HTTP 404)"), e.getMessage());
    }

    @Test
    void assumeRoleFailureBuriedInAClientErrorNamesTheRole() {
        StsException denied = (StsException) StsException.builder()
                .statusCode(403)
                .message("not authorized to perform sts:AssumeRole")
                .awsErrorDetails(AwsErrorDetails.builder().errorCode("AccessDenied").build())
                .build();
        SdkClientException wrapped = SdkClientException.create("Unable to load credentials", denied);
        FakeLambda.fails(lambda, new CompletionException(wrapped));

        InvocationFailedException e = assertThrows(InvocationFailedException.class, () -> invoker().invoke(REQUEST, OptionalLong.empty()));

        assertTrue(e.getMessage().startsWith("AssumeRole of " + TestConfigs.ROLE_ARN + " failed: AccessDenied (HTTP 403)"),
                e.getMessage());
        assertSame(denied, e.getCause());
    }

    @Test
    void networkErrorsAreClientErrors() {
        FakeLambda.fails(lambda, new CompletionException(SdkClientException.create("Connection refused")));

        InvocationFailedException e = assertThrows(InvocationFailedException.class, () -> invoker().invoke(REQUEST, OptionalLong.empty()));

        assertTrue(e.getMessage().contains("(client or network error): Connection refused"), e.getMessage());
        assertInstanceOf(SdkClientException.class, e.getCause());
    }
}
