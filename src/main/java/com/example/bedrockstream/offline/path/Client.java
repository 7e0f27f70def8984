package com.example.bedrockstream.offline.path;

import java.util.List;

/** Something in a VPC that opens HTTPS connections to endpoints: where it sits and which groups it wears. */
record Client(String label, List<String> subnetIds, List<String> securityGroupIds) {
}
