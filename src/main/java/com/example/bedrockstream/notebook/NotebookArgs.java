package com.example.bedrockstream.notebook;

import com.example.bedrockstream.config.HubSettings.NotebookSettings;
import com.pulumi.core.Output;

import java.util.Map;

/**
 * @param roleName     carries the invoker principal prefix, so the invoker role's trust admits the notebook
 * @param httpsTargets the endpoint security groups the notebook may reach, and nothing else
 */
public record NotebookArgs(
        String notebookName,
        String roleName,
        NotebookSettings settings,
        String accountId,
        String region,
        Output<String> vpcId,
        Output<String> subnetId,
        Map<String, Output<String>> httpsTargets,
        String invokerRoleArn,
        SampleNotebook sample) {
}
