package com.example.bedrockstream.monitoring;

import java.util.regex.Pattern;

/**
 * One alarm as data: what it catches, the series it reads, how it decides, and how it reads silence.
 *
 * @param id               unique in the stack; the alarm is named {@code <stack>-<id>}
 * @param catches          what the alarm firing means, for whoever receives it
 * @param stat             a statistic (Sum, Maximum, Minimum, Average, SampleCount) or a percentile such as p99
 * @param window           how many periods of what length the alarm looks at, and how many must breach
 * @param missingDataWhy   why silence is read the way {@code missingData} says
 */
public record AlarmSpec(
        String id,
        String catches,
        MetricRef metric,
        String stat,
        Window window,
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

    /**
     * The alarm fires when {@code datapointsToAlarm} of the last {@code evaluationPeriods} periods of
     * {@code periodSeconds} breach; written {@code Window.every(60).breaching(3).outOf(5)}, so the counts cannot swap.
     */
    public record Window(int periodSeconds, int datapointsToAlarm, int evaluationPeriods) {
        public static Breaching every(int periodSeconds) {
            return datapoints -> evaluationPeriods -> new Window(periodSeconds, datapoints, evaluationPeriods);
        }

        public interface Breaching {
            OutOf breaching(int datapointsToAlarm);
        }

        public interface OutOf {
            Window outOf(int evaluationPeriods);
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
        if (window.datapointsToAlarm() < 1 || window.datapointsToAlarm() > window.evaluationPeriods()) {
            throw new IllegalArgumentException(id + ": datapointsToAlarm must be from 1 to evaluationPeriods");
        }
        // CloudWatch refuses an evaluation range over one day.
        if ((long) window.periodSeconds() * window.evaluationPeriods() > 86_400 || window.periodSeconds() % 60 != 0) {
            throw new IllegalArgumentException(id + ": a period of whole minutes, at most a day over all periods");
        }
    }

    public int periodSeconds() {
        return window.periodSeconds();
    }

    public int evaluationPeriods() {
        return window.evaluationPeriods();
    }

    public int datapointsToAlarm() {
        return window.datapointsToAlarm();
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
