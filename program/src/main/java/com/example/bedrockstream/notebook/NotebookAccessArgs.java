package com.example.bedrockstream.notebook;

import com.example.bedrockstream.scope.StackScope;
import com.pulumi.core.Output;

import java.util.List;
import java.util.Objects;

/**
 * Made with {@link #builder()}, each value named.
 *
 * @param notebookName   the instance the endpoints and the user policy are scoped to
 * @param vpcCidr        the VPC's own block, admitted on 443 (the notebook itself and users inside the VPC)
 * @param userCidrs      corporate blocks reaching the VPC over VPN or Direct Connect, admitted on 443 as well
 * @param userPolicyName the managed policy the account's notebook users are attached to
 */
public record NotebookAccessArgs(
        StackScope scope,
        String notebookName,
        Output<String> vpcId,
        String vpcCidr,
        Output<List<String>> subnetIds,
        List<String> userCidrs,
        String userPolicyName) {

    public static Builder builder(StackScope scope, String notebookName) {
        return new Builder(scope, notebookName);
    }

    public static final class Builder {
        private final StackScope scope;
        private final String notebookName;
        private Output<String> vpcId;
        private String vpcCidr;
        private Output<List<String>> subnetIds;
        private List<String> userCidrs = List.of();
        private String userPolicyName;

        private Builder(StackScope scope, String notebookName) {
            this.scope = scope;
            this.notebookName = notebookName;
        }

        /** The notebook's VPC, whose own block is admitted, and the subnets the endpoints go in. */
        public Builder vpc(Output<String> vpcId, String vpcCidr, Output<List<String>> subnetIds) {
            this.vpcId = vpcId;
            this.vpcCidr = vpcCidr;
            this.subnetIds = subnetIds;
            return this;
        }

        public Builder userCidrs(List<String> userCidrs) {
            this.userCidrs = userCidrs;
            return this;
        }

        public Builder userPolicyName(String userPolicyName) {
            this.userPolicyName = userPolicyName;
            return this;
        }

        public NotebookAccessArgs build() {
            return new NotebookAccessArgs(scope, notebookName, Objects.requireNonNull(vpcId, "vpc is not set"), vpcCidr,
                    subnetIds, userCidrs, Objects.requireNonNull(userPolicyName, "userPolicyName is not set"));
        }
    }
}
