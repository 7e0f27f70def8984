package com.example.bedrockstream.notebook;

import com.example.bedrockstream.domain.CallerSettings.NotebookSettings;
import com.example.bedrockstream.network.HttpsTargets;
import com.pulumi.aws.Provider;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;

/**
 * @param roleName     carries the invoker principal prefix, so the invoker role's trust admits the notebook
 * @param region       the notebook's own region (its key and logs); the sample calls the ML region
 * @param httpsTargets the endpoints the notebook may reach, and nothing else
 * @param provider     the stack's provider settings on a plugin that accepts the notebook platform
 *                     ({@link Notebook#PROVIDER_PLUGIN_VERSION})
 * @param startsAfter  what the instance's first start needs in place: its private way in (the lifecycle script's
 *                     logs go out through the Logs endpoint), empty when it has none
 */
public record NotebookArgs(
        String notebookName,
        String roleName,
        NotebookSettings settings,
        String accountId,
        String region,
        Output<String> vpcId,
        Output<String> subnetId,
        HttpsTargets httpsTargets,
        String invokerRoleArn,
        SampleNotebook sample,
        Provider provider,
        List<Resource> startsAfter) {
}
