package com.example.bedrockstream.appinvoker;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import software.amazon.awssdk.services.lambda.model.InvokeResponseStreamUpdate;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamCompleteEvent;
import software.amazon.awssdk.services.lambda.model.InvokeWithResponseStreamResponseHandler;

/**
 * Turns the event stream of one invocation into text plus timings: either collected, up to a cap, or handed to a
 * sink piece by piece and not kept, so memory stays flat however long the answer is.
 * Pure: no AWS calls, and time comes from the injected nanosecond clock.
 *
 * <p>The SDK delivers events one at a time but not always on the thread that later reads the
 * result, so the methods are synchronized.
 */
final class StreamCollector implements InvokeWithResponseStreamResponseHandler.Visitor {

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    private final LongSupplier nanoClock;
    private final long startNanos;
    private final StringBuilder text; // null when the text goes to a sink
    private final Consumer<CharSequence> sink;
    private final long maxBytes;
    // One decoder for the whole stream: a multi-byte character split across chunks keeps its
    // first bytes in `pending` until the rest arrives.
    private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPLACE)
            .onUnmappableCharacter(CodingErrorAction.REPLACE);
    private ByteBuffer pending = EMPTY;
    private long firstByteNanos = -1;
    private int chunks;
    private long bytes;
    private boolean completed;
    private String errorCode;
    private String errorDetails;
    private RuntimeException failure; // what stopped the stream on this side: the cap, or the sink

    private StreamCollector(LongSupplier nanoClock, StringBuilder text, Consumer<CharSequence> sink, long maxBytes) {
        this.nanoClock = nanoClock;
        this.startNanos = nanoClock.getAsLong();
        this.text = text;
        this.sink = sink;
        this.maxBytes = maxBytes;
    }

    /** Keeps the text for {@link #finish()}; more than {@code maxBytes} of payload fails the stream. Starts the clock. */
    static StreamCollector collecting(LongSupplier nanoClock, long maxBytes) {
        StringBuilder text = new StringBuilder();
        return new StreamCollector(nanoClock, text, text::append, maxBytes);
    }

    /** Hands each decoded piece to {@code sink}, in order, and keeps none of it. Starts the clock. */
    static StreamCollector streaming(LongSupplier nanoClock, Consumer<CharSequence> sink) {
        return new StreamCollector(nanoClock, null, sink, Long.MAX_VALUE);
    }

    /**
     * A throw from here (the cap, or the sink failing) makes the SDK cancel the stream, so the ML function stops,
     * but the SDK then ends the call quietly: the failure is kept and {@link #finish()} throws it.
     */
    @Override
    public synchronized void visitPayloadChunk(InvokeResponseStreamUpdate event) {
        byte[] payload = event.payload() == null ? new byte[0] : event.payload().asByteArrayUnsafe();
        chunks++;
        if (payload.length == 0 || failure != null) {
            return;
        }
        if (firstByteNanos < 0) {
            firstByteNanos = nanoClock.getAsLong();
        }
        bytes += payload.length;
        try {
            if (bytes > maxBytes) {
                throw new AnswerTooLargeException(maxBytes, bytes);
            }
            if (!pending.hasRemaining() && payload[payload.length - 1] >= 0) {
                // The usual piece: nothing held over and an ASCII last byte, so it ends on a whole character. The
                // String constructor copies ASCII as is (the decoder widens every byte into a new char buffer) and
                // replaces malformed bytes with U+FFFD as the decoder does.
                sink.accept(new String(payload, StandardCharsets.UTF_8));
                return;
            }
            ByteBuffer in;
            if (pending.hasRemaining()) {
                in = ByteBuffer.allocate(pending.remaining() + payload.length);
                in.put(pending).put(payload).flip();
            } else {
                in = ByteBuffer.wrap(payload);
            }
            decode(in, false);
            pending = in.hasRemaining() ? in : EMPTY; // the undecoded tail: at most 3 bytes of an unfinished character
        } catch (RuntimeException e) {
            failure = e;
            if (text != null) {
                // Nothing will read it now; release it even while the SDK still holds this visitor.
                text.setLength(0);
                text.trimToSize();
            }
            throw e;
        }
    }

    @Override
    public synchronized void visitInvokeComplete(InvokeWithResponseStreamCompleteEvent event) {
        completed = true;
        errorCode = event.errorCode();
        errorDetails = event.errorDetails();
    }

    /**
     * Ends the stream: returns the result (its text empty when streamed to a sink), or throws if the answer passed
     * the cap or the sink failed, the function reported an error, or the stream stopped without InvokeComplete (a
     * cut stream must not pass for a full answer).
     */
    synchronized StreamResult finish() {
        long endNanos = nanoClock.getAsLong();
        if (failure != null) {
            throw failure;
        }
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
        if (tail.flip().hasRemaining()) {
            sink.accept(tail);
        }
        return new StreamResult(text == null ? "" : text.toString(),
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
        if (out.flip().hasRemaining()) {
            sink.accept(out);
        }
    }

    private static long toMillis(long nanos) {
        return TimeUnit.NANOSECONDS.toMillis(nanos);
    }
}
