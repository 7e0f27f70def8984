package com.example.bedrockstream.stacks;

import com.example.bedrockstream.compute.PrivateFunction;
import com.example.bedrockstream.config.MlSettings;
import com.example.bedrockstream.config.StackNames;
import com.example.bedrockstream.domain.ModelId;
import com.example.bedrockstream.domain.MonitoringSettings;
import com.example.bedrockstream.monitoring.AlarmSpec;
import com.example.bedrockstream.monitoring.AlarmTopic;
import com.example.bedrockstream.monitoring.AlarmTopicArgs;
import com.example.bedrockstream.monitoring.Alarms;
import com.example.bedrockstream.monitoring.AlarmsArgs;
import com.example.bedrockstream.monitoring.Canary;
import com.example.bedrockstream.monitoring.CanaryArgs;
import com.example.bedrockstream.monitoring.Dashboard;
import com.example.bedrockstream.monitoring.DashboardArgs;
import com.example.bedrockstream.monitoring.MetricDefinitions;
import com.example.bedrockstream.monitoring.MlMonitoring;
import com.example.bedrockstream.monitoring.RegionMonitoring;
import com.example.bedrockstream.monitoring.Widget;
import com.example.bedrockstream.scope.StackScope;

import java.util.List;
import java.util.Optional;

/**
 * What a stack watches (issue 13): its alarms and their encrypted topic, its dashboard and, in an application stack,
 * the canary of its region. Each part is switched by config; with nothing to watch, nothing is created.
 */
final class Monitoring {
    private Monitoring() {
    }

    /** The ML function's alarms and dashboard. */
    static void ml(StackScope scope, MonitoringSettings settings, MlSettings ml) {
        var watch = new MlMonitoring(MetricDefinitions.load(), settings.thresholds().orElseThrow(),
                StackNames.mlFunction(scope.stack()), ml.function(), ml.allowedModels().stream().map(ModelId::id).toList());
        register(scope, settings, watch.alarms(), watch.widgets());
    }

    /**
     * The region's canary, its alarm and the region's dashboard.
     *
     * @param canaryModelId the model the canary's prompt goes to
     */
    static void application(StackScope scope, MonitoringSettings settings, Optional<PrivateFunction> appFunction,
                            String canaryModelId) {
        var canary = settings.canary().filter(MonitoringSettings.CanarySettings::enabled);
        canary.ifPresent(c -> {
            var function = appFunction.orElseThrow(() ->
                    new IllegalStateException("the config parser lets the canary run only with the Application Lambda"));
            new Canary(StackNames.canary(scope.stack()), new CanaryArgs(scope, StackNames.canary(scope.stack()),
                    function.arn(), function.functionName(), c.rateMinutes(), Canary.input(canaryModelId)), null);
        });
        var watch = new RegionMonitoring(MetricDefinitions.load(), scope.region(),
                appFunction.map(f -> StackNames.appFunction(scope.stack())),
                canary.map(MonitoringSettings.CanarySettings::rateMinutes));
        register(scope, settings, watch.alarms(), watch.widgets());
    }

    private static void register(StackScope scope, MonitoringSettings settings, List<AlarmSpec> alarms,
                                 List<Widget> widgets) {
        String stack = scope.stack();
        if (settings.hasAlarms() && !alarms.isEmpty()) {
            var topic = new AlarmTopic(StackNames.alarmTopic(stack), new AlarmTopicArgs(scope,
                    StackNames.alarmTopic(stack), settings.alarmEmail()), null);
            new Alarms(stack + "-alarms", new AlarmsArgs(stack, alarms, topic.arn()), null);
        }
        if (settings.dashboardEnabled() && !widgets.isEmpty()) {
            new Dashboard(StackNames.dashboard(stack), new DashboardArgs(scope, StackNames.dashboard(stack), widgets),
                    null);
        }
    }
}
