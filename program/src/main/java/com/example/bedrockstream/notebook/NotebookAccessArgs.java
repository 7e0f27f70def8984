package com.example.bedrockstream.notebook;

import com.pulumi.core.Output;

import java.util.List;

/**
 * @param notebookName   the instance the endpoints and the user policy are scoped to
 * @param vpcCidr        the VPC's own block, admitted on 443 (the notebook itself and users inside the VPC)
 * @param userCidrs      corporate blocks reaching the VPC over VPN or Direct Connect, admitted on 443 as well
 * @param userPolicyName the managed policy the account's notebook users are attached to
 */
public record NotebookAccessArgs(
        String notebookName,
        String accountId,
        String region,
        Output<String> vpcId,
        String vpcCidr,
        Output<List<String>> subnetIds,
        List<String> userCidrs,
        String userPolicyName) {
}
