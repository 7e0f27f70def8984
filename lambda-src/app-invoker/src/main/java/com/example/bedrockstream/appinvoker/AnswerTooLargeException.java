package com.example.bedrockstream.appinvoker;

/**
 * The answer being collected grew past MAX_ANSWER_BYTES. The stream is abandoned at that point, so the reader's
 * memory stays bounded by the cap and the ML function stops (it sees its caller go away).
 */
public class AnswerTooLargeException extends RuntimeException {

    AnswerTooLargeException(long maxBytes, long reachedBytes) {
        super("The ML function's answer exceeded MAX_ANSWER_BYTES (" + maxBytes + " bytes): " + reachedBytes
                + " bytes had arrived when the stream was abandoned. Raise MAX_ANSWER_BYTES (the handler's own "
                + "response is capped by Lambda at 6 MB) or ask for a shorter answer.");
    }
}
