package com.example.bedrockstream.config;

/** What only one role's stacks have: exactly one of these, matching the stack's role. */
public sealed interface RoleSettings permits MlSettings, HubSettings, SpokeSettings {
}
