package com.example.bedrockstream.domain;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** Region facts the config is checked against. Kept here so a new region is a one-line change. */
public final class AwsRegions {
    private AwsRegions() {
    }

    private static final Pattern REGION =
            Pattern.compile("(us|eu|ap|sa|ca|me|af|il|mx)-(north|south|east|west|central|northeast|southeast|southwest|northwest)-\\d");

    /** Regions with the bedrock-runtime interface endpoint, where the ML stack can run. */
    public static final Set<String> BEDROCK_RUNTIME = Set.of(
            "us-east-1", "us-east-2", "us-west-2", "ca-central-1", "sa-east-1",
            "eu-central-1", "eu-central-2", "eu-west-1", "eu-west-2", "eu-west-3", "eu-north-1", "eu-south-1",
            "eu-south-2", "ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
            "ap-southeast-1", "ap-southeast-2");

    /**
     * Regions a geographic inference profile may route a request to. The ML role needs the foundation-model ARN
     * in each of them, and a profile can only be invoked from one of them. {@code global} is not here: its
     * destinations are every commercial region and are not enumerated (see {@link ModelId#resourceArns}).
     */
    static final Map<String, List<String>> INFERENCE_PROFILE_ROUTES = Map.of(
            "us", List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2"),
            "us-gov", List.of("us-gov-east-1", "us-gov-west-1"),
            "eu", List.of("eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1", "eu-south-2",
                    "eu-west-1", "eu-west-2", "eu-west-3"),
            "apac", List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3", "ap-south-1", "ap-south-2",
                    "ap-southeast-1", "ap-southeast-2", "ap-southeast-3", "ap-southeast-4"),
            "jp", List.of("ap-northeast-1", "ap-northeast-3"),
            "au", List.of("ap-southeast-2", "ap-southeast-4"),
            "ca", List.of("ca-central-1", "ca-west-1"));

    /** The prefix of a global cross-region inference profile, routed to any commercial region. */
    static final String GLOBAL_PROFILE = "global";

    /** The ARN partition of a region: GovCloud regions have their own. */
    public static String partition(String region) {
        return region.startsWith("us-gov-") ? "aws-us-gov" : "aws";
    }

    public static boolean isRegion(String value) {
        return REGION.matcher(value).matches();
    }

    public static boolean isZoneOf(String zone, String region) {
        return zone.length() == region.length() + 1
                && zone.startsWith(region)
                && Character.isLowerCase(zone.charAt(region.length()));
    }
}
