package com.example.bedrockstream.domain;

/** Sizing and request limits of the streaming ML function, passed to it as environment. */
public record FunctionLimits(
        int memoryMb, int timeoutSeconds, int reservedConcurrency, int maxRequestBytes, int maxOutputTokens) {
}
