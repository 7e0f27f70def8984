package com.example.bedrockstream.config;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelIdTest {

    @Test
    void foundationModelArnHasNoAccountAndOnlyTheStackRegion() {
        var model = ModelId.parse("anthropic.claude-3-haiku-20240307-v1:0").orElseThrow();
        assertEquals(Optional.empty(), model.profileGeo());
        assertEquals(List.of("arn:aws:bedrock:us-east-1::foundation-model/anthropic.claude-3-haiku-20240307-v1:0"),
                model.resourceArns("us-east-1", "444455556666"));
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
                profile.resourceArns("us-east-1", "444455556666"));
    }

    @Test
    void acceptsEveryFamilyTheFunctionServesAndRefusesNonsense() {
        for (String id : List.of("amazon.titan-text-express-v1", "amazon.nova-pro-v1:0", "cohere.command-r-plus-v1:0",
                "mistral.mistral-7b-instruct-v0:2", "meta.llama3-8b-instruct-v1:0", "apac.amazon.nova-micro-v1:0")) {
            assertTrue(ModelId.parse(id).isPresent(), id);
        }
        for (String id : List.of("", "claude", "us.", "anthropic.", "Anthropic.Claude", "anthropic.claude v2",
                "arn:aws:bedrock:us-east-1::foundation-model/x.y")) {
            assertTrue(ModelId.parse(id).isEmpty(), id);
        }
    }
}
