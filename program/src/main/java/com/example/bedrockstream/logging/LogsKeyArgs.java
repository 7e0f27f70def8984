package com.example.bedrockstream.logging;

/** Where the key lives: only this account's CloudWatch Logs in this region may use it. */
public record LogsKeyArgs(String accountId, String region) {
}
