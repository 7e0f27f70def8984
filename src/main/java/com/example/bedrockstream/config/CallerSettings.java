package com.example.bedrockstream.config;

/** The callers an application stack runs: the Application Lambda and the notebook, sized by config. */
public record CallerSettings(int appFunctionMemoryMb, int appFunctionTimeoutSeconds, NotebookSettings notebook) {

    public record NotebookSettings(String instanceType, String platform, int volumeGb) {
    }
}
