package com.example.bedrockstream.config;

import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.domain.CallerSettings;

/**
 * An application spoke stack: another region that reaches the hub's endpoints over Transit Gateway peering.
 *
 * @param hub                the hub stack's exports (which carry what the spoke needs of the ML stack)
 * @param appFunctionEnabled whether the spoke runs the Application Lambda
 * @param notebookEnabled    whether the spoke runs the sample notebook
 */
public record SpokeSettings(
        UpstreamStack hub,
        int transitGatewayAsn,
        CallerSettings callers,
        boolean appFunctionEnabled,
        boolean notebookEnabled) implements RoleSettings {
}
