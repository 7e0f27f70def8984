package com.example.bedrockstream.appinvoker;

import static com.example.bedrockstream.appinvoker.Events.chunk;
import static com.example.bedrockstream.appinvoker.Events.complete;
import static com.example.bedrockstream.appinvoker.Events.failed;
import static com.example.bedrockstream.appinvoker.Events.slice;
import static com.example.bedrockstream.appinvoker.Events.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.lang.ref.Reference;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class StreamCollectorTest {

    private final AtomicLong nanos = new AtomicLong(TimeUnit.SECONDS.toNanos(1000));
    private final StreamCollector collector = StreamCollector.collecting(nanos::get, Long.MAX_VALUE);

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

    @Test
    void malformedBytesBecomeReplacementCharactersWhetherOrNotAPieceEndsOnAWholeCharacter() {
        byte[] bad = {(byte) 0xFF, (byte) 0xC3, 'x', (byte) 0xE2, (byte) 0x82, 'y'};
        chunk(concat(bad, utf8("!"))).accept(collector);              // ends on ASCII: read as a whole piece
        chunk(concat(bad, slice(utf8("€"), 0, 1))).accept(collector); // ends mid-character: through the decoder
        chunk(slice(utf8("€"), 1, 3)).accept(collector);
        complete().accept(collector);

        assertEquals("\uFFFD\uFFFDx\uFFFDy!\uFFFD\uFFFDx\uFFFDy€", collector.finish().text());
    }

    @Test
    void streamingHandsEveryPieceToTheSinkInOrderAndKeepsNone() {
        StringBuilder sink = new StringBuilder();
        StreamCollector streaming = StreamCollector.streaming(nanos::get, sink::append);
        byte[] euro = utf8("€");

        chunk(concat(utf8("a "), slice(euro, 0, 2))).accept(streaming);
        assertEquals("a ", sink.toString(), "only whole characters reach the sink");
        chunk(concat(slice(euro, 2, 3), utf8(" b"))).accept(streaming);
        complete().accept(streaming);
        StreamResult result = streaming.finish();

        assertEquals("a € b", sink.toString());
        assertEquals("", result.text());
        assertEquals(2, result.chunks());
    }

    @Test
    void collectingPastTheCapStopsAtTheChunkThatCrossesIt() {
        StreamCollector capped = StreamCollector.collecting(nanos::get, 10);
        chunk("0123456789").accept(capped);

        AnswerTooLargeException e = assertThrows(AnswerTooLargeException.class, () -> chunk("x").accept(capped));
        chunk("more after the cap is ignored").accept(capped);
        complete().accept(capped);

        assertEquals(e, assertThrows(AnswerTooLargeException.class, capped::finish), "finish reports the cap");
        assertTrue(e.getMessage().startsWith("The ML function's answer exceeded MAX_ANSWER_BYTES (10 bytes): 11 bytes"),
                e.getMessage());
    }

    @Test
    void collectedTextIsReleasedAtTheCapEvenWhileTheCollectorIsStillHeld() {
        long mib = 1024 * 1024;
        byte[] piece = new byte[64 * 1024];
        Arrays.fill(piece, (byte) 'x');
        long before = usedHeapAfterGc();
        StreamCollector capped = StreamCollector.collecting(nanos::get, 4 * mib);
        for (int i = 0; i < 64; i++) {
            chunk(piece).accept(capped); // exactly the cap: 4 MiB collected
        }

        assertThrows(AnswerTooLargeException.class, () -> chunk("x").accept(capped));

        // The SDK can keep a cancelled stream's visitor reachable for a while, as this test does.
        long growth = usedHeapAfterGc() - before;
        assertTrue(growth < mib, "the collector still holds " + growth / mib + " MiB after the cap");
        Reference.reachabilityFence(capped);
    }

    private static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    @Test
    void sinkFailureStopsTheStreamAndIsWhatFinishThrows() {
        IllegalStateException boom = new IllegalStateException("downstream closed");
        StreamCollector streaming = StreamCollector.streaming(nanos::get, piece -> {
            throw boom;
        });

        assertEquals(boom, assertThrows(IllegalStateException.class, () -> chunk("a").accept(streaming)));
        complete().accept(streaming);

        assertEquals(boom, assertThrows(IllegalStateException.class, streaming::finish));
    }

    private static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
