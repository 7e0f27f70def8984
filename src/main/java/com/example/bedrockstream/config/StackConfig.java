package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.AuditSettings;
import com.example.bedrockstream.domain.MonitoringSettings;
import java.util.Optional;

/**
 * A stack's whole configuration, parsed and validated once. Exactly one role section is present.
 *
 * @param monitoring what the stack watches, whatever its role
 */
public record StackConfig(CommonSettings common, Optional<MlSettings> ml, Optional<HubSettings> hub,
                          Optional<SpokeSettings> spoke, AuditSettings audit,
                          MonitoringSettings monitoring) {

    /**
     * Whether the stack runs a notebook whose users reach it only through the VPC's own endpoints: the hub always
     * runs one, a spoke when notebookEnabled is on.
     */
    public boolean notebookPrivateAccess() {
        return hub.map(h -> h.callers().notebookAccess().privateAccess()).orElse(false)
                || spoke.filter(SpokeSettings::notebookEnabled)
                .map(s -> s.callers().notebookAccess().privateAccess()).orElse(false);
    }

    public MlSettings requireMl() {
        return ml.orElseThrow(() -> new IllegalStateException("not an ml stack: " + common.stack()));
    }

    public HubSettings requireHub() {
        return hub.orElseThrow(() -> new IllegalStateException("not an app-hub stack: " + common.stack()));
    }

    public SpokeSettings requireSpoke() {
        return spoke.orElseThrow(() -> new IllegalStateException("not an app-spoke stack: " + common.stack()));
    }
}
