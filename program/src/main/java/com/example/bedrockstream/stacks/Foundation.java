package com.example.bedrockstream.stacks;

import com.example.bedrockstream.config.CommonSettings;
import com.example.bedrockstream.logging.LogsKey;
import com.example.bedrockstream.logging.LogsKeyArgs;
import com.example.bedrockstream.network.PrivateVpc;
import com.example.bedrockstream.network.PrivateVpcArgs;

/** What every stack stands on: the key for its logs and its private VPC. */
record Foundation(LogsKey logsKey, PrivateVpc vpc) {

    static Foundation create(CommonSettings common) {
        var logsKey = new LogsKey(common.stack() + "-logs", new LogsKeyArgs(common.accountId(), common.region()), null);
        var vpc = new PrivateVpc(common.stack(), new PrivateVpcArgs(common.accountId(), common.region(),
                common.vpcCidr(), common.availabilityZones(), common.logRetentionDays(), logsKey.arn()), null);
        return new Foundation(logsKey, vpc);
    }
}
