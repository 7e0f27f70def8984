package com.example.bedrockstream.monitoring;

import java.util.Optional;

/**
 * @param topicName also the name of the key's alias
 * @param email     an address the topic also notifies; AWS mails it a confirmation link first
 */
public record AlarmTopicArgs(String topicName, String accountId, String region, Optional<String> email) {
}
