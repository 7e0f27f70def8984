package com.example.bedrockstream.monitoring;

import java.util.ArrayList;
import java.util.List;

/**
 * One graph of a dashboard.
 *
 * @param horizontal threshold lines drawn across the graph, such as an alarm's threshold
 */
public record Widget(String title, List<Line> lines, int periodSeconds, List<Threshold> horizontal) {

    public Widget {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("widget " + title + " shows nothing");
        }
        lines = List.copyOf(lines);
        horizontal = List.copyOf(horizontal);
    }

    public static Widget of(String title, Line... lines) {
        return new Widget(title, List.of(lines), 300, List.of());
    }

    public Widget withThreshold(String label, double value) {
        var more = new ArrayList<>(horizontal);
        more.add(new Threshold(label, value));
        return new Widget(title, lines, periodSeconds, more);
    }

    public record Threshold(String label, double value) {
    }

    /** What a graph draws: one series, or every series a search finds. */
    public sealed interface Line permits Series, Search {
        String stat();

        String label();
    }

    public record Series(MetricRef metric, String stat, String label) implements Line {
    }

    /**
     * Every series of {@code metricName} in {@code namespace} with exactly {@code dimensionNames}, such as each model
     * and API of the ML function, without listing them: the graph shows whichever exist.
     */
    public record Search(String namespace, List<String> dimensionNames, String metricName, String stat, String label)
            implements Line {

        public Search {
            dimensionNames = List.copyOf(dimensionNames);
        }

        /** CloudWatch's search expression; names are sorted as the console writes them. */
        public String expression(int periodSeconds) {
            var schema = new StringBuilder(namespace);
            dimensionNames.stream().sorted().forEach(d -> schema.append(',').append(d));
            return "SEARCH('{" + schema + "} MetricName=\"" + metricName + "\"', '" + stat + "', " + periodSeconds + ")";
        }
    }
}
