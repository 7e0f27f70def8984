package com.example.bedrockstream.compute;

import com.pulumi.asset.Archive;

/** What a function runs: the runtime, the handler, and the built archive uploaded as its code. */
public record FunctionCode(String runtime, String handler, Archive archive) {
}
