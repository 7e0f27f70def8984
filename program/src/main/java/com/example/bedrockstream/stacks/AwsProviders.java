package com.example.bedrockstream.stacks;

import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.notebook.Notebook;
import com.example.bedrockstream.scope.StackScope;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;

import java.util.HashMap;
import java.util.Map;

/**
 * The one place explicit AWS providers are made. Each gets every {@code aws:} setting of the stack file (profile,
 * assumed role, default tags, the account pin, ...), which the Pulumi CLI gives the default provider only, so
 * every resource of a stack is created with the same credentials, tags and account guard.
 */
public final class AwsProviders implements StackScope.Providers {
    private final CommonSettings common;
    private final Map<String, Provider> made = new HashMap<>();

    private AwsProviders(CommonSettings common) {
        this.common = common;
    }

    public static AwsProviders of(CommonSettings common) {
        return new AwsProviders(common);
    }

    @Override
    public Provider inRegion(String region) {
        return made.computeIfAbsent(common.stack() + "-aws-" + region,
                name -> new Provider(name, settings(region).build()));
    }

    /** The stack's settings, region included, on the newer plugin the notebook platform needs. */
    @Override
    public Provider forNotebooks() {
        return made.computeIfAbsent(common.stack() + "-aws-notebooks", name -> new Provider(name,
                settings(common.region()).build(),
                CustomResourceOptions.builder().version(Notebook.PROVIDER_PLUGIN_VERSION).build()));
    }

    private ProviderArgs.Builder settings(String region) {
        return new ProviderArgs.Builder(common.aws().settings()).region(region);
    }
}
