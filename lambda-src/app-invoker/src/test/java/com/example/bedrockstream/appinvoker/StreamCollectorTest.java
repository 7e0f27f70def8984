package com.example.bedrockstream.appinvoker;

import static com.example.bedrockstream.appinvoker.Events.chunk;
import static com.example.bedrockstream.appinvoker.Events.complete;
import static com.example.bedrockstream.appinvoker.Events.failed;
import static com.example.bedrockstream.appinvoker.Events.slice;
import static com.example.bedrockstream.appinvoker.Events.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamCollectorTest {

    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final StreamCollector collector = new StreamCollector(nanos::get);

    private void advanceMillis(long ms) {
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    @Test
    void joinsChunksAndSplitMultiByteCharactersExactly() {
        byte[] euro = utf8("€");       // 3 bytes: E2 82 AC
        byte[] emoji = utf8("😀");     // 4 bytes, a surrogate pair in Java
        assertEquals(3, euro.length);
        assertEquals(4, emoji.length);

        advanceMillis(250);
        chunk("Price: 5").accept(collector);
        advanceMillis(40);
        chunk(concat(utf8(" "), slice(euro, 0, 1))).accept(collector);   // euro split 1 + 2
        advanceMillis(40);
        chunk(concat(slice(euro, 1, 3), utf8(" ok "), slice(emoji, 0, 2))).accept(collector);
        chunk(slice(emoji, 2, 3)).accept(collector);                        // emoji split over three chunks
        chunk(concat(slice(emoji, 3, 4), utf8(" ünïcødé"))).accept(collector);
        advanceMillis(10);
        complete().accept(collector);

        StreamResult result = collector.finish();

        assertEquals("Price: 5 € ok 😀 ünïcødé", result.text());
        assertEquals(5, result.chunks());
        assertEquals(250, result.timeToFirstByteMs());
        assertEquals(340, result.totalMs());
    }

    @Test
    void firstByteIsTimedOnTheFirstNonEmptyChunk() {
        advanceMillis(100);
        chunk(new byte[0]).accept(collector);
        advanceMillis(20);
        chunk("a").accept(collector);
        complete().accept(collector);

        StreamResult result = collector.finish();

        assertEquals("a", result.text());
        assertEquals(2, result.chunks());
        assertEquals(120, result.timeToFirstByteMs());
    }

    @Test
    void emptyStreamHasNoTimeToFirstByte() {
        advanceMillis(5);
        complete().accept(collector);

        StreamResult result = collector.finish();

        assertEquals("", result.text());
        assertEquals(0, result.chunks());
        assertEquals(-1, result.timeToFirstByteMs());
        assertEquals(5, result.totalMs());
    }

    @Test
    void invokeCompleteWithErrorCodeFailsAndDropsTheText() {
        chunk("partial answer").accept(collector);
        failed("Unhandled", "ThrottlingException: Too many tokens").accept(collector);

        MlFunctionException e = assertThrows(MlFunctionException.class, collector::finish);

        assertEquals("Unhandled", e.errorCode());
        assertEquals("ThrottlingException: Too many tokens", e.errorDetails());
        assertEquals("ML function failed: errorCode=Unhandled, errorDetails=ThrottlingException: Too many tokens",
                e.getMessage());
        assertFalse(e.getMessage().contains("partial answer"));
    }

    @Test
    void streamWithoutInvokeCompleteIsNotASuccess() {
        chunk("cut off mid").accept(collector);

        InvocationFailedException e = assertThrows(InvocationFailedException.class, collector::finish);

        assertEquals("Response stream ended without InvokeComplete after 1 chunks", e.getMessage());
    }

    @Test
    void unfinishedCharacterAtTheEndBecomesAReplacementCharacter() {
        chunk(concat(utf8("end"), slice(utf8("€"), 0, 2))).accept(collector);
        complete().accept(collector);

        assertEquals("end\uFFFD", collector.finish().text());
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
