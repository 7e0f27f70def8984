package com.example.bedrockstream.appinvoker;

import java.util.LinkedHashMap;
import java.util.Map;

/** What one streamed invocation produced. timeToFirstByteMs is -1 when no byte arrived. */
record StreamResult(String text, long timeToFirstByteMs, long totalMs, int chunks) {

    Map<String, Object> toMap() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("text", text);
        out.put("timeToFirstByteMs", timeToFirstByteMs);
        out.put("totalMs", totalMs);
        out.put("chunks", chunks);
        return out;
    }
}
