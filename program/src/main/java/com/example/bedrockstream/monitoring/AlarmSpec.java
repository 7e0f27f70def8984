package com.example.bedrockstream.monitoring;

import java.util.regex.Pattern;

/**
 * One alarm as data: what it catches, the series it reads, how it decides, and how it reads silence.
 *
 * @param id               unique in the stack; the alarm is named {@code <stack>-<id>}
 * @param catches          what the alarm firing means, for whoever receives it
 * @param stat             a statistic (Sum, Maximum, Minimum, Average, SampleCount) or a percentile such as p99
 * @param missingDataWhy   why silence is read the way {@code missingData} says
 */
public record AlarmSpec(
        String id,
        String catches,
        MetricRef metric,
        String stat,
        int periodSeconds,
        int evaluationPeriods,
        int datapointsToAlarm,
        Comparison comparison,
        double threshold,
        MissingData missingData,
        String missingDataWhy) {

    private static final Pattern PERCENTILE = Pattern.compile("p\\d{1,2}(\\.\\d+)?");

    public enum Comparison {
        GREATER_OR_EQUAL("GreaterThanOrEqualToThreshold"),
        LESS_THAN("LessThanThreshold");

        private final String value;

        Comparison(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    /** CloudWatch's treatMissingData values. */
    public enum MissingData {
        BREACHING("breaching"),
        NOT_BREACHING("notBreaching");

        private final String value;

        MissingData(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    public AlarmSpec {
        if (datapointsToAlarm < 1 || datapointsToAlarm > evaluationPeriods) {
            throw new IllegalArgumentException(id + ": datapointsToAlarm must be from 1 to evaluationPeriods");
        }
        // CloudWatch refuses an evaluation range over one day.
        if ((long) periodSeconds * evaluationPeriods > 86_400 || periodSeconds % 60 != 0) {
            throw new IllegalArgumentException(id + ": a period of whole minutes, at most a day over all periods");
        }
    }

    /** Percentiles go to extendedStatistic, the others to statistic. */
    public boolean percentile() {
        return PERCENTILE.matcher(stat).matches();
    }

    /** The alarm's description: what it catches and how it reads missing data. */
    public String description() {
        return catches + " Missing data is " + missingData.value() + ": " + missingDataWhy;
    }
}
