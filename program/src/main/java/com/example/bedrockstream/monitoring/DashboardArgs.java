package com.example.bedrockstream.monitoring;

import com.example.bedrockstream.scope.StackScope;

import java.util.List;

/**
 * @param scope   every graph reads its metrics in the scope's region
 * @param widgets the graphs, laid out two per row in this order
 */
public record DashboardArgs(StackScope scope, String dashboardName, List<Widget> widgets) {

    public DashboardArgs {
        widgets = List.copyOf(widgets);
    }
}
