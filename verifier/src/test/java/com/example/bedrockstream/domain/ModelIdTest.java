package com.example.bedrockstream.domain;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelIdTest {
    private static final String ACCOUNT = "444455556666";

    @Test
    void foundationModelArnHasNoAccountAndOnlyTheStackRegion() {
        var model = ModelId.parse("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow();
        assertEquals(Optional.empty(), model.profileGeo());
        assertEquals(List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
                model.resourceArns("us-east-1", ACCOUNT));
    }

    @Test
    void inferenceProfileNeedsItsOwnArnAndTheModelInEveryRegionItRoutesTo() {
        var profile = ModelId.parse("us.meta.llama3-1-70b-instruct-v1:0").orElseThrow();
        assertEquals(Optional.of("us"), profile.profileGeo());
        assertEquals("meta.llama3-1-70b-instruct-v1:0", profile.foundationModelId());
        assertEquals(List.of(
                "arn:aws:bedrock:us-east-1:444455556666:inference-profile/us.meta.llama3-1-70b-instruct-v1:0",
                "arn:aws:bedrock:us-east-1::foundation-model/meta.llama3-1-70b-instruct-v1:0",
                "arn:aws:bedrock:us-east-2::foundation-model/meta.llama3-1-70b-instruct-v1:0",
                "arn:aws:bedrock:us-west-1::foundation-model/meta.llama3-1-70b-instruct-v1:0",
                "arn:aws:bedrock:us-west-2::foundation-model/meta.llama3-1-70b-instruct-v1:0"),
                profile.resourceArns("us-east-1", ACCOUNT));
    }

    @Test
    void globalProfileNeedsItsArnTheModelInTheSourceRegionAndTheRegionLessModelArn() {
        var profile = ModelId.parse("global.anthropic.claude-sonnet-4-20250514-v1:0").orElseThrow();
        assertEquals(Optional.of("global"), profile.profileGeo());
        assertEquals("anthropic.claude-sonnet-4-20250514-v1:0", profile.foundationModelId());
        assertEquals(List.of(
                "arn:aws:bedrock:eu-west-1:444455556666:inference-profile/global.anthropic.claude-sonnet-4-20250514-v1:0",
                "arn:aws:bedrock:eu-west-1::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0",
                "arn:aws:bedrock:::foundation-model/anthropic.claude-sonnet-4-20250514-v1:0"),
                profile.resourceArns("eu-west-1", ACCOUNT));
        assertEquals(List.of("eu-west-1"), profile.servingRegions("eu-west-1"));
        assertEquals(List.of(), profile.servingRegions("us-gov-west-1"), "no global profiles in GovCloud");
    }

    @Test
    void everyDocumentedGeographyNamesItsProfileAndTheModelInEachOfItsRegions() {
        record Geo(String prefix, String source, List<String> regions) {
        }
        for (var geo : List.of(
                new Geo("us", "us-east-1", List.of("us-east-1", "us-east-2", "us-west-1", "us-west-2")),
                new Geo("eu", "eu-central-1", List.of("eu-central-1", "eu-central-2", "eu-north-1", "eu-south-1",
                        "eu-south-2", "eu-west-1", "eu-west-2", "eu-west-3")),
                new Geo("apac", "ap-southeast-1", List.of("ap-northeast-1", "ap-northeast-2", "ap-northeast-3",
                        "ap-south-1", "ap-south-2", "ap-southeast-1", "ap-southeast-2", "ap-southeast-3",
                        "ap-southeast-4")),
                new Geo("jp", "ap-northeast-1", List.of("ap-northeast-1", "ap-northeast-3")),
                new Geo("au", "ap-southeast-2", List.of("ap-southeast-2", "ap-southeast-4")),
                new Geo("ca", "ca-central-1", List.of("ca-central-1", "ca-west-1")))) {
            String id = geo.prefix() + ".anthropic.claude-sonnet-4-5-20250929-v1:0";
            var profile = ModelId.parse(id).orElseThrow(() -> new AssertionError(id));
            var expected = new java.util.ArrayList<String>();
            expected.add("arn:aws:bedrock:" + geo.source() + ":" + ACCOUNT + ":inference-profile/" + id);
            geo.regions().forEach(r -> expected.add("arn:aws:bedrock:" + r
                    + "::foundation-model/anthropic.claude-sonnet-4-5-20250929-v1:0"));
            assertEquals(expected, profile.resourceArns(geo.source(), ACCOUNT), id);
            assertTrue(profile.servingRegions(geo.source()).contains(geo.source()), id);
        }
    }

    @Test
    void govCloudProfileArnsAreInTheGovCloudPartition() {
        var profile = ModelId.parse("us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0").orElseThrow();
        assertEquals(Optional.of("us-gov"), profile.profileGeo());
        assertEquals(List.of(
                "arn:aws-us-gov:bedrock:us-gov-west-1:444455556666:inference-profile/us-gov.anthropic.claude-3-5-sonnet-20240620-v1:0",
                "arn:aws-us-gov:bedrock:us-gov-east-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0",
                "arn:aws-us-gov:bedrock:us-gov-west-1::foundation-model/anthropic.claude-3-5-sonnet-20240620-v1:0"),
                profile.resourceArns("us-gov-west-1", ACCOUNT));
    }

    @Test
    void refusesAProfileOfAnUnknownGeographyInsteadOfTakingItForAFoundationModel() {
        for (String id : List.of("xx.anthropic.claude-sonnet-4-20250514-v1:0", "emea.amazon.nova-pro-v1:0",
                "us-east.meta.llama3-8b-instruct-v1:0", "globel.anthropic.claude-sonnet-4-20250514-v1:0")) {
            assertEquals(Optional.empty(), ModelId.parse(id), id);
        }
        assertTrue(ModelId.EXPECTED.contains("global") && ModelId.EXPECTED.contains("us-gov"), ModelId.EXPECTED);
    }

    @Test
    void acceptsEveryFamilyTheFunctionServesAndRefusesNonsense() {
        for (String id : List.of("amazon.titan-text-express-v1", "amazon.nova-pro-v1:0", "cohere.command-r-plus-v1:0",
                "mistral.mistral-7b-instruct-v0:2", "meta.llama3-8b-instruct-v1:0", "apac.amazon.nova-micro-v1:0",
                "openai.gpt-oss-120b-1:0", "deepseek.r1-v1:0", "qwen.qwen3-32b-v1:0")) {
            var model = ModelId.parse(id);
            assertTrue(model.isPresent(), id);
        }
        for (String id : List.of("", "claude", "us.", "anthropic.", "Anthropic.Claude", "anthropic.claude v2",
                "arn:aws:bedrock:us-east-1::foundation-model/x.y", "global.")) {
            assertTrue(ModelId.parse(id).isEmpty(), id);
        }
    }
}
