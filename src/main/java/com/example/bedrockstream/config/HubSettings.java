package com.example.bedrockstream.config;

/**
 * The application hub stack.
 *
 * @param mlStack fully qualified name of the ML stack, read through a StackReference
 */
public record HubSettings(
        String mlStack,
        long transitGatewayAsn,
        int appFunctionMemoryMb,
        int appFunctionTimeoutSeconds,
        NotebookSettings notebook) {

    public record NotebookSettings(String instanceType, String platform, int volumeGb) {
    }
}
