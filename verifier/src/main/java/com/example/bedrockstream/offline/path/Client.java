package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.offline.MockResource;

import java.util.List;

/** Something in a VPC that opens HTTPS connections to endpoints: where it sits and which groups it wears. */
public record Client(String label, List<String> subnetIds, List<String> securityGroupIds) {

    /** A Lambda function in a VPC, by its vpcConfig. */
    static Client ofFunction(MockResource function) {
        return new Client(function.name(), Deployment.texts(function, "vpcConfig.subnetIds"),
                Deployment.texts(function, "vpcConfig.securityGroupIds"));
    }
}
