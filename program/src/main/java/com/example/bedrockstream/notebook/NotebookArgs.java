package com.example.bedrockstream.notebook;

import com.example.bedrockstream.domain.CallerSettings.NotebookSettings;
import com.example.bedrockstream.network.HttpsTargets;
import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;
import com.pulumi.resources.Resource;

import java.util.List;
import java.util.Objects;

/**
 * Made with {@link #builder()}, each value named.
 *
 * @param scope        the notebook's own account and region (its key and logs; the sample calls the ML region), and
 *                     the provider on a plugin that accepts the notebook platform ({@link Notebook#PROVIDER_PLUGIN_VERSION})
 * @param roleName     carries the invoker principal prefix, so the invoker role's trust admits the notebook
 * @param httpsTargets the endpoints the notebook may reach, and nothing else
 * @param startsAfter  what the instance's first start needs in place: its private way in (the lifecycle script's
 *                     logs go out through the Logs endpoint), empty when it has none
 */
public record NotebookArgs(
        StackScope scope,
        String notebookName,
        String roleName,
        NotebookSettings settings,
        Output<String> vpcId,
        Output<String> subnetId,
        HttpsTargets httpsTargets,
        String invokerRoleArn,
        SampleNotebook sample,
        List<Resource> startsAfter) {

    public static Builder builder(StackScope scope, String notebookName) {
        return new Builder(scope, notebookName);
    }

    public static final class Builder {
        private final StackScope scope;
        private final String notebookName;
        private String roleName;
        private NotebookSettings settings;
        private Output<String> vpcId;
        private Output<String> subnetId;
        private HttpsTargets httpsTargets;
        private String invokerRoleArn;
        private SampleNotebook sample;
        private List<Resource> startsAfter = List.of();

        private Builder(StackScope scope, String notebookName) {
            this.scope = scope;
            this.notebookName = notebookName;
        }

        public Builder roleName(String roleName) {
            this.roleName = roleName;
            return this;
        }

        public Builder settings(NotebookSettings settings) {
            this.settings = settings;
            return this;
        }

        /** Where the instance runs, and the only destinations its security group lets it reach. */
        public Builder network(Output<String> vpcId, Output<String> subnetId, HttpsTargets httpsTargets) {
            this.vpcId = vpcId;
            this.subnetId = subnetId;
            this.httpsTargets = httpsTargets;
            return this;
        }

        /** The one role the notebook's own role may assume. */
        public Builder invokerRoleArn(String invokerRoleArn) {
            this.invokerRoleArn = invokerRoleArn;
            return this;
        }

        public Builder sample(SampleNotebook sample) {
            this.sample = sample;
            return this;
        }

        public Builder startsAfter(List<Resource> startsAfter) {
            this.startsAfter = startsAfter;
            return this;
        }

        public NotebookArgs build() {
            return new NotebookArgs(scope, notebookName, required(roleName, "roleName"), required(settings, "settings"),
                    required(vpcId, "network"), subnetId, httpsTargets, required(invokerRoleArn, "invokerRoleArn"),
                    required(sample, "sample"), startsAfter);
        }

        private <T> T required(T value, String name) {
            return Objects.requireNonNull(value, () -> "notebook " + notebookName + ": " + name + " is not set");
        }
    }
}
