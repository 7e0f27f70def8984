package com.example.bedrockstream.appinvoker;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestValidatorTest {

    private static final String MODEL = "us.anthropic.claude-3-5-haiku-20241022-v1:0";

    @Test
    void acceptsBodyAndMessagesShapes() {
        assertDoesNotThrow(() -> RequestValidator.validate(Map.of("modelId", MODEL, "body", Map.of("max_tokens", 10))));
        assertDoesNotThrow(() -> RequestValidator.validate(
                Map.of("modelId", MODEL, "messages", List.of(Map.of("role", "user", "content", "hi")))));
    }

    @Test
    void rejectsNullAndEmptyRequests() {
        assertEquals("Request is empty: expected {\"modelId\": \"...\", \"body\": {...}}",
                rejected(null));
        assertEquals("Request is empty: expected {\"modelId\": \"...\", \"body\": {...}}",
                rejected(Map.of()));
    }

    @Test
    void rejectsMissingModelId() {
        assertEquals("Request field 'modelId' is missing", rejected(Map.of("body", Map.of())));
    }

    @Test
    void rejectsNullModelId() {
        Map<String, Object> event = new HashMap<>();
        event.put("modelId", null);
        event.put("body", Map.of());
        assertEquals("Request field 'modelId' is missing", rejected(event));
    }

    @Test
    void rejectsNonStringModelId() {
        assertEquals("Request field 'modelId' must be a string, got Integer",
                rejected(Map.of("modelId", 42, "body", Map.of())));
        assertEquals("Request field 'modelId' must be a string, got LinkedHashMap",
                rejected(Map.of("modelId", new java.util.LinkedHashMap<>(), "body", Map.of())));
    }

    @Test
    void rejectsBlankModelId() {
        assertEquals("Request field 'modelId' is blank", rejected(Map.of("modelId", " ", "body", Map.of())));
    }

    @Test
    void rejectsMissingOrMistypedBody() {
        assertEquals("Request needs a 'body' or a 'messages' field", rejected(Map.of("modelId", MODEL)));
        assertEquals("Request field 'body' must be a JSON object",
                rejected(Map.of("modelId", MODEL, "body", "text")));
        assertEquals("Request field 'messages' must be a JSON array",
                rejected(Map.of("modelId", MODEL, "messages", "hi")));
    }

    private static String rejected(Map<String, Object> event) {
        return assertThrows(IllegalArgumentException.class, () -> RequestValidator.validate(event)).getMessage();
    }
}
