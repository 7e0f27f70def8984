package com.example.bedrockstream.config;

import java.util.Optional;

/**
 * The callers an application stack runs: the Application Lambda and the notebook, sized by config.
 *
 * @param appFunctionReservedConcurrency empty: no reservation, the function shares the account's unreserved pool
 */
public record CallerSettings(int appFunctionMemoryMb, int appFunctionTimeoutSeconds,
                             Optional<Integer> appFunctionReservedConcurrency, NotebookSettings notebook) {

    public record NotebookSettings(String instanceType, String platform, int volumeGb) {
    }
}
