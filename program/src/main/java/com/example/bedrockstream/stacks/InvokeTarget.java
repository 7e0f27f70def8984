package com.example.bedrockstream.stacks;

import com.pulumi.core.Output;

/**
 * What an application caller needs to stream from the ML function, wherever it runs.
 *
 * @param mlRegion        the region of both calls (regional STS, then Lambda), whose names the hub's zones answer
 * @param principalPrefix caller role names start with it, so the invoker role's trust admits them
 * @param sampleModelId   the model the sample notebook and the canary call: the ML stack's canaryModelId
 */
record InvokeTarget(
        String mlRegion,
        String functionArn,
        String invokerRoleArn,
        Output<String> externalId,
        String principalPrefix,
        String sampleModelId) {
}
