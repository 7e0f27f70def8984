package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.scope.StackScope;

import java.util.Optional;

/**
 * @param topicName also the name of the key's alias
 * @param email     an address the topic also notifies; AWS mails it a confirmation link first
 */
public record AlarmTopicArgs(StackScope scope, String topicName, Optional<String> email) {
}
