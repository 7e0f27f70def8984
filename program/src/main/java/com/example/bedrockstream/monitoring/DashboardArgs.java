package com.example.bedrockstream.monitoring;

import java.util.List;

/**
 * @param region  where every graph reads its metrics: the stack's own region
 * @param widgets the graphs, laid out two per row in this order
 */
public record DashboardArgs(String dashboardName, String region, List<Widget> widgets) {

    public DashboardArgs {
        widgets = List.copyOf(widgets);
    }
}
