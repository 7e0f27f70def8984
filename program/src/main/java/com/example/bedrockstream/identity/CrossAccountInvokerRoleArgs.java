package com.example.bedrockstream.identity;

import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * Made with {@link #builder}, each value named.
 *
 * @param externalId     a Pulumi secret; the trust policy that embeds it stays secret in state
 * @param stsEndpointIds when not empty, assuming the role is only allowed through these STS endpoints
 */
public record CrossAccountInvokerRoleArgs(
        String roleName,
        String appAccountId,
        String principalPrefix,
        Output<String> externalId,
        List<String> stsEndpointIds,
        int maxSessionSeconds,
        Output<String> mlFunctionArn) {

    public static Builder builder(String roleName) {
        return new Builder(roleName);
    }

    public static final class Builder {
        private final String roleName;
        private String appAccountId;
        private String principalPrefix;
        private Output<String> externalId;
        private List<String> stsEndpointIds = List.of();
        private Integer maxSessionSeconds;
        private Output<String> mlFunctionArn;

        private Builder(String roleName) {
            this.roleName = roleName;
        }

        /** The account whose roles may assume this one. */
        public Builder appAccountId(String appAccountId) {
            this.appAccountId = appAccountId;
            return this;
        }

        /** Only roles whose names start with it. */
        public Builder principalPrefix(String principalPrefix) {
            this.principalPrefix = principalPrefix;
            return this;
        }

        public Builder externalId(Output<String> externalId) {
            this.externalId = externalId;
            return this;
        }

        public Builder stsEndpointIds(List<String> stsEndpointIds) {
            this.stsEndpointIds = stsEndpointIds;
            return this;
        }

        public Builder maxSessionSeconds(int maxSessionSeconds) {
            this.maxSessionSeconds = maxSessionSeconds;
            return this;
        }

        /** The one function the role may invoke. */
        public Builder mlFunctionArn(Output<String> mlFunctionArn) {
            this.mlFunctionArn = mlFunctionArn;
            return this;
        }

        public CrossAccountInvokerRoleArgs build() {
            return new CrossAccountInvokerRoleArgs(roleName, Objects.requireNonNull(appAccountId, "appAccountId is not set"),
                    Objects.requireNonNull(principalPrefix, "principalPrefix is not set"),
                    Objects.requireNonNull(externalId, "externalId is not set"), stsEndpointIds,
                    Objects.requireNonNull(maxSessionSeconds, "maxSessionSeconds is not set"),
                    Objects.requireNonNull(mlFunctionArn, "mlFunctionArn is not set"));
        }
    }
}
