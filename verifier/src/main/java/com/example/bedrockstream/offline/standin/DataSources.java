package com.example.bedrockstream.offline.standin;

import com.example.bedrockstream.offline.CloudModel;

import java.util.LinkedHashMap;
import java.util.Map;

/** The AWS data sources the stand-in answers, for the region and account a provider is configured with. */
final class DataSources {
    static final String GET_CALLER_IDENTITY = "aws:index/getCallerIdentity:getCallerIdentity";
    static final String GET_REGION = "aws:index/getRegion:getRegion";
    static final String GET_PARTITION = "aws:index/getPartition:getPartition";

    private DataSources() {
    }

    /** @param args the plain arguments of the call */
    static Map<String, Object> invoke(String token, Map<String, Object> args, String region, String account) {
        return switch (token) {
            // Exactly what the mock engine answers (MockCloud): every zone of the region offers every service.
            case CloudModel.GET_VPC_ENDPOINT_SERVICE -> CloudModel.vpcEndpointService(serviceName(args, region),
                    region, CloudModel.allZones(region));
            // The credentials are the account's root user: the stand-in has no IAM users of its own.
            case GET_CALLER_IDENTITY -> ordered("accountId", account, "arn", "arn:aws:iam::" + account + ":root",
                    "id", account, "userId", account);
            case GET_REGION -> ordered("description", region, "endpoint", "ec2." + region + ".amazonaws.com",
                    "id", region, "name", region, "region", region);
            case GET_PARTITION -> ordered("dnsSuffix", "amazonaws.com", "id", "aws", "partition", "aws",
                    "reverseDnsPrefix", "com.amazonaws");
            default -> throw AwsError.invalid("the stand-in AWS provider does not implement the data source " + token);
        };
    }

    /** The service is named whole ("com.amazonaws.us-east-1.sts") or by its short name ("sts"). */
    private static String serviceName(Map<String, Object> args, String region) {
        if (args.get("serviceName") instanceof String name) {
            return name;
        }
        if (args.get("service") instanceof String service) {
            return "com.amazonaws." + region + "." + service;
        }
        throw AwsError.invalid("getVpcEndpointService: one of serviceName or service is required");
    }

    private static Map<String, Object> ordered(String... keysAndValues) {
        var result = new LinkedHashMap<String, Object>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            result.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return result;
    }
}
