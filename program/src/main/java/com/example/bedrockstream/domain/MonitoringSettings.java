package com.example.bedrockstream.domain;

import java.util.Optional;

/**
 * What a stack watches (issue 13): its alarms and the topic they notify, an optional e-mail subscription, its
 * dashboard, and, in application stacks, the canary that calls the ML function through this region's private path.
 *
 * @param alarmEmail where the alarm topic also sends e-mail; empty: no subscription
 * @param thresholds the ML stack's alarm thresholds; empty in application stacks
 * @param canary     the application stacks' canary; empty in the ML stack
 */
public record MonitoringSettings(
        boolean alarmsEnabled,
        Optional<String> alarmEmail,
        boolean dashboardEnabled,
        Optional<MlThresholds> thresholds,
        Optional<CanarySettings> canary) {

    /**
     * When the ML stack's alarms fire. Counts are per 5-minute period.
     *
     * @param concurrencyPercent   of the function's reserved concurrency
     * @param durationPercent      of the function's timeout, for the p99 duration
     * @param timeToFirstDeltaMs   for the p99 time from invocation to the first text delta
     * @param failuresPerErrorName failures with one error name the platform, not the caller, caused
     * @param bedrockThrottles     throttled Bedrock calls of one model, retries included
     */
    public record MlThresholds(int functionErrors, int concurrencyPercent, int durationPercent, int timeToFirstDeltaMs,
                               int failuresPerErrorName, int bedrockThrottles) {
    }

    /** @param rateMinutes minutes between two runs */
    public record CanarySettings(boolean enabled, int rateMinutes) {
    }

    public boolean canaryEnabled() {
        return canary.filter(CanarySettings::enabled).isPresent();
    }

    /**
     * Whether the stack has an alarm, and so an alarm topic: the ML stack watches its function; an application
     * stack only has its canary to watch.
     */
    public boolean hasAlarms() {
        return alarmsEnabled && (thresholds.isPresent() || canaryEnabled());
    }
}
