package com.example.bedrockstream.appinvoker;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseEvent;

/** Builds the same event objects the SDK hands to the visitor. */
final class Events {

    private Events() {
    }

    static InvokeWithResponseStreamResponseEvent chunk(byte[] bytes) {
        return InvokeWithResponseStreamResponseEvent.payloadChunkBuilder()
                .payload(SdkBytes.fromByteArray(bytes))
                .build();
    }

    static InvokeWithResponseStreamResponseEvent chunk(String text) {
        return chunk(text.getBytes(StandardCharsets.UTF_8));
    }

    static InvokeWithResponseStreamResponseEvent complete() {
        return InvokeWithResponseStreamResponseEvent.invokeCompleteBuilder().build();
    }

    static InvokeWithResponseStreamResponseEvent failed(String code, String details) {
        return InvokeWithResponseStreamResponseEvent.invokeCompleteBuilder()
                .errorCode(code)
                .errorDetails(details)
                .build();
    }

    static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] slice(byte[] bytes, int from, int to) {
        return Arrays.copyOfRange(bytes, from, to);
    }
}
