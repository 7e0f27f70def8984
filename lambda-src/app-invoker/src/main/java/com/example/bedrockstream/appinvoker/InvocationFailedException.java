package com.example.bedrockstream.appinvoker;

/** The ML function could not be called, or its stream could not be read (STS, network, Lambda service errors). */
public class InvocationFailedException extends RuntimeException {

    InvocationFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
