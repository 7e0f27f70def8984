package com.example.bedrockstream.appinvoker;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * Turns the event stream of one invocation into text plus timings.
 * Pure: no AWS calls, and time comes from the injected nanosecond clock.
 *
 * <p>The SDK delivers events one at a time but not always on the thread that later reads the
 * result, so the methods are synchronized.
 */
final class StreamCollector implements InvokeWithResponseStreamResponseHandler.Visitor {

    private final LongSupplier nanoClock;
    private final long startNanos;
    // One decoder for the whole stream: a multi-byte character split across chunks keeps its
    // first bytes in `pending` until the rest arrives.
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private final StringBuilder text = new StringBuilder();
    private ByteBuffer pending = ByteBuffer.allocate(0);
    private long firstByteNanos = -1;
    private int chunks;
    private boolean completed;
    private String errorCode;
    private String errorDetails;

    /** Starts the clock: call just before the request is sent. */
    StreamCollector(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
    }

    @Override
    public synchronized void visitPayloadChunk(InvokeResponseStreamUpdate event) {
        byte[] bytes = event.payload() == null ? new byte[0] : event.payload().asByteArrayUnsafe();
        chunks++;
        if (bytes.length == 0) {
            return;
        }
        if (firstByteNanos < 0) {
            firstByteNanos = nanoClock.getAsLong();
        }
        ByteBuffer in = ByteBuffer.allocate(pending.remaining() + bytes.length);
        in.put(pending).put(bytes).flip();
        decode(in, false);
        pending = in; // the undecoded tail (at most 3 bytes of an unfinished character)
    }

    @Override
    public synchronized void visitInvokeComplete(InvokeWithResponseStreamCompleteEvent event) {
        completed = true;
        errorCode = event.errorCode();
        errorDetails = event.errorDetails();
    }

    /**
     * Ends the stream: returns the result, or throws if the function reported an error or the
     * stream stopped without InvokeComplete (a cut stream must not pass for a full answer).
     */
    synchronized StreamResult finish() {
        long endNanos = nanoClock.getAsLong();
        if (errorCode != null && !errorCode.isEmpty()) {
            throw new MlFunctionException(errorCode, errorDetails);
        }
        if (!completed) {
            throw new InvocationFailedException(
                    "Response stream ended without InvokeComplete after " + chunks + " chunks", null);
        }
        decode(pending, true);
        CharBuffer tail = CharBuffer.allocate(4);
        decoder.flush(tail);
        text.append(tail.flip());
        return new StreamResult(text.toString(),
                firstByteNanos < 0 ? -1 : toMillis(firstByteNanos - startNanos),
                toMillis(endNanos - startNanos),
                chunks);
    }

    private void decode(ByteBuffer in, boolean endOfInput) {
        CharBuffer out = CharBuffer.allocate(in.remaining() + 1);
        CoderResult result = decoder.decode(in, out, endOfInput);
        // UTF-8 never yields more chars than bytes, and REPLACE turns errors into U+FFFD,
        // so the buffer cannot overflow and no error result can come back here.
        if (!result.isUnderflow()) {
            throw new IllegalStateException("Unexpected UTF-8 decoder result " + result);
        }
        text.append(out.flip());
    }

    private static long toMillis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
