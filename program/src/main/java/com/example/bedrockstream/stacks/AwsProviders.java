package com.example.bedrockstream.stacks;

import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.notebook.Notebook;
import com.pulumi.aws.Provider;
import com.pulumi.aws.ProviderArgs;
import com.pulumi.resources.CustomResourceOptions;

/**
 * The one place explicit AWS providers are made. Each gets every {@code aws:} setting of the stack file (profile,
 * assumed role, default tags, the account pin, ...), which the Pulumi CLI gives the default provider only, so
 * every resource of a stack is created with the same credentials, tags and account guard.
 */
public final class AwsProviders {
    private final CommonSettings common;

    private AwsProviders(CommonSettings common) {
        this.common = common;
    }

    public static AwsProviders of(CommonSettings common) {
        return new AwsProviders(common);
    }

    /** The stack's settings in another region: how a spoke creates what it owns on the hub side. */
    public Provider inRegion(String region) {
        return new Provider(common.stack() + "-aws-" + region, settings(region).build());
    }

    /** The stack's settings, region included, on the newer plugin the notebook platform needs. */
    public Provider forNotebooks() {
        return new Provider(common.stack() + "-aws-notebooks", settings(common.region()).build(),
                CustomResourceOptions.builder().version(Notebook.PROVIDER_PLUGIN_VERSION).build());
    }

    private ProviderArgs.Builder settings(String region) {
        return new ProviderArgs.Builder(common.aws().settings()).region(region);
    }
}
