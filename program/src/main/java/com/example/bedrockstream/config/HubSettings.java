package com.example.bedrockstream.config;

import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.domain.CallerSettings;

/**
 * The application hub stack.
 *
 * @param ml the ML stack's exports, read through its contract and checked against this stack
 */
public record HubSettings(UpstreamStack ml, int transitGatewayAsn, CallerSettings callers) implements RoleSettings {
}
