package com.example.bedrockstream.domain;

import java.util.List;
import java.util.Optional;

/**
 * The callers an application stack runs: the Application Lambda and the notebook, sized by config.
 *
 * @param appFunctionReservedConcurrency empty: no reservation, the function shares the account's unreserved pool
 */
public record CallerSettings(int appFunctionMemoryMb, int appFunctionTimeoutSeconds,
                             Optional<Integer> appFunctionReservedConcurrency, NotebookSettings notebook,
                             NotebookAccessSettings notebookAccess) {

    public record NotebookSettings(String instanceType, String platform, int volumeGb) {
    }

    /**
     * How the notebook's users reach it.
     *
     * @param privateAccess whether only through the VPC's own SageMaker API and notebook endpoints
     * @param userCidrs     private blocks, besides the VPC's, that reach the VPC over VPN or Direct Connect
     */
    public record NotebookAccessSettings(boolean privateAccess, List<String> userCidrs) {
        public NotebookAccessSettings {
            userCidrs = List.copyOf(userCidrs);
        }
    }
}
