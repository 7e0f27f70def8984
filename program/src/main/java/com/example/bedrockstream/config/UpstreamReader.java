package com.example.bedrockstream.config;

import com.example.bedrockstream.contract.StackOutput;
import com.example.bedrockstream.contract.UpstreamStack;
import com.example.bedrockstream.domain.ConfigProblem;

import java.util.List;
import java.util.Optional;

/** Reads an earlier stack's contract outputs; problems are reported against the config key that named it. */
@FunctionalInterface
public interface UpstreamReader {
    Optional<UpstreamStack> read(String configKey, String stackName, List<StackOutput<?>> contract,
                                 List<ConfigProblem> problems);
}
