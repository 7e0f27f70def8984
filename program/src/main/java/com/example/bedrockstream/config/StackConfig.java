package com.example.bedrockstream.config;

import com.example.bedrockstream.domain.AuditSettings;
import com.example.bedrockstream.domain.MonitoringSettings;

import java.util.Optional;

/**
 * A stack's whole configuration, parsed and validated once.
 *
 * @param roleSettings what the stack's role alone has
 * @param monitoring   what the stack watches, whatever its role
 */
public record StackConfig(CommonSettings common, RoleSettings roleSettings, AuditSettings audit,
                          MonitoringSettings monitoring) {

    /**
     * Whether the stack runs a notebook whose users reach it only through the VPC's own endpoints: the hub always
     * runs one, a spoke when notebookEnabled is on.
     */
    public boolean notebookPrivateAccess() {
        if (roleSettings instanceof HubSettings hub) {
            return hub.callers().notebookAccess().privateAccess();
        }
        return roleSettings instanceof SpokeSettings spoke && spoke.notebookEnabled()
                && spoke.callers().notebookAccess().privateAccess();
    }

    public Optional<MlSettings> ml() {
        return roleSettings instanceof MlSettings ml ? Optional.of(ml) : Optional.empty();
    }

    public MlSettings requireMl() {
        return ml().orElseThrow(() -> new IllegalStateException("not an ml stack: " + common.stack()));
    }

    public HubSettings requireHub() {
        if (roleSettings instanceof HubSettings hub) {
            return hub;
        }
        throw new IllegalStateException("not an app-hub stack: " + common.stack());
    }

    public SpokeSettings requireSpoke() {
        if (roleSettings instanceof SpokeSettings spoke) {
            return spoke;
        }
        throw new IllegalStateException("not an app-spoke stack: " + common.stack());
    }
}
