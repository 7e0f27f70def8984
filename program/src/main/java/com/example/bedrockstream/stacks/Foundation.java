package com.example.bedrockstream.stacks;

import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.logging.LogsKey;
import com.example.bedrockstream.logging.LogsKeyArgs;
import com.example.bedrockstream.network.PrivateVpc;
import com.example.bedrockstream.network.PrivateVpcArgs;
import com.example.bedrockstream.scope.StackScope;

/** What every stack stands on: its scope (with the key for its logs) and its private VPC. */
record Foundation(StackScope scope, PrivateVpc vpc) {

    static Foundation create(CommonSettings common) {
        var logsKey = new LogsKey(common.stack() + "-logs", new LogsKeyArgs(common.accountId(), common.region()), null);
        var scope = new StackScope(common.stack(), common.accountId(), common.region(),
                new StackScope.Logs(logsKey.arn(), common.logRetentionDays()), AwsProviders.of(common));
        var vpc = new PrivateVpc(common.stack(), new PrivateVpcArgs(scope, common.vpcCidr(), common.availabilityZones()),
                null);
        return new Foundation(scope, vpc);
    }
}
