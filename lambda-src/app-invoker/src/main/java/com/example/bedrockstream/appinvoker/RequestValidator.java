package com.example.bedrockstream.appinvoker;

import java.util.Map;

/**
 * Rejects requests that the ML function would refuse anyway, before any STS or Lambda call is made.
 * The event is otherwise passed through unchanged: the ML function owns the full validation.
 */
final class RequestValidator {

    private RequestValidator() {
    }

    static void validate(Map<String, Object> event) {
        if (event == null || event.isEmpty()) {
            throw new IllegalArgumentException("Request is empty: expected {\"modelId\": \"...\", \"body\": {...}}");
        }
        Object modelId = event.get("modelId");
        if (modelId == null) {
            throw new IllegalArgumentException("Request field 'modelId' is missing");
        }
        if (!(modelId instanceof String id)) {
            throw new IllegalArgumentException("Request field 'modelId' must be a string, got "
                    + modelId.getClass().getSimpleName());
        }
        if (id.isBlank()) {
            throw new IllegalArgumentException("Request field 'modelId' is blank");
        }
        if (!event.containsKey("body") && !event.containsKey("messages")) {
            throw new IllegalArgumentException("Request needs a 'body' or a 'messages' field");
        }
        Object body = event.get("body");
        if (event.containsKey("body") && !(body instanceof Map)) {
            throw new IllegalArgumentException("Request field 'body' must be a JSON object");
        }
        Object messages = event.get("messages");
        if (event.containsKey("messages") && !(messages instanceof java.util.List)) {
            throw new IllegalArgumentException("Request field 'messages' must be a JSON array");
        }
    }
}
