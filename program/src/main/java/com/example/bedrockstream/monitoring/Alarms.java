package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.ComponentTypes;
import com.pulumi.aws.cloudwatch.MetricAlarm;
import com.pulumi.aws.cloudwatch.MetricAlarmArgs;
import com.pulumi.resources.ComponentResource;
import com.pulumi.resources.ComponentResourceOptions;
import com.pulumi.resources.CustomResourceOptions;

import java.util.List;
import java.util.Map;

/** CloudWatch alarms from their specs, each notifying the alarm topic when it fires and when it clears. */
public final class Alarms extends ComponentResource {

    public Alarms(String name, AlarmsArgs args, ComponentResourceOptions options) {
        super(ComponentTypes.of("monitoring", Alarms.class), name, options);
        var child = CustomResourceOptions.builder().parent(this).build();
        var topic = args.topicArn().applyValue(List::of);
        for (AlarmSpec spec : args.alarms()) {
            String alarmName = name(args.stack(), spec);
            var alarm = MetricAlarmArgs.builder()
                    .name(alarmName)
                    .alarmDescription(spec.description())
                    .namespace(spec.metric().namespace())
                    .metricName(spec.metric().name())
                    .dimensions(spec.metric().dimensions())
                    .period(spec.periodSeconds())
                    .evaluationPeriods(spec.evaluationPeriods())
                    .datapointsToAlarm(spec.datapointsToAlarm())
                    .comparisonOperator(spec.comparison().value())
                    .threshold(spec.threshold())
                    .treatMissingData(spec.missingData().value())
                    .alarmActions(topic)
                    .okActions(topic);
            if (spec.percentile()) {
                // A quiet period's few samples still count: these alarms need several slow periods in a row, which
                // at low traffic means nearly every call was slow.
                alarm.extendedStatistic(spec.stat()).evaluateLowSampleCountPercentiles("evaluate");
            } else {
                alarm.statistic(spec.stat());
            }
            new MetricAlarm(alarmName, alarm.build(), child);
        }
        registerOutputs(Map.of());
    }

    public static String name(String stack, AlarmSpec spec) {
        return stack + "-" + spec.id();
    }
}
