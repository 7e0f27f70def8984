package com.example.bedrockstream.appinvoker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConfigTest {

    @Test
    void readsAValidEnvironmentWithDefaults() {
        Config config = TestConfigs.config();

        assertEquals(TestConfigs.FUNCTION_ARN, config.mlFunctionArn());
        assertEquals(TestConfigs.ROLE_ARN, config.invokerRoleArn());
        assertEquals(TestConfigs.EXTERNAL_ID, config.externalId());
        assertEquals("us-east-1", config.mlRegion());
        assertEquals("app-invoker", config.roleSessionName());
        assertEquals(Optional.empty(), config.lambdaEndpoint());
        assertEquals(Optional.empty(), config.stsEndpoint());
        assertEquals(5L * 1024 * 1024, config.maxAnswerBytes());
    }

    @Test
    void readsOptionalVariables() {
        Map<String, String> env = TestConfigs.env();
        env.put("ROLE_SESSION_NAME", "notebook-42");
        env.put("LAMBDA_ENDPOINT", "http://127.0.0.1:8080");
        env.put("STS_ENDPOINT", "http://127.0.0.1:8081");
        env.put("MAX_ANSWER_BYTES", "65536");

        Config config = Config.fromEnv(env);
        assertEquals(65536, config.maxAnswerBytes());

        assertEquals("notebook-42", config.roleSessionName());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8080")), config.lambdaEndpoint());
        assertEquals(Optional.of(URI.create("http://127.0.0.1:8081")), config.stsEndpoint());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML_FUNCTION_ARN", "INVOKER_ROLE_ARN", "EXTERNAL_ID", "ML_REGION"})
    void missingRequiredVariableIsNamed(String name) {
        Map<String, String> env = TestConfigs.env();
        env.remove(name);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Config.fromEnv(env));
        assertEquals("Environment variable " + name + " is required but is not set", e.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"ML_FUNCTION_ARN", "INVOKER_ROLE_ARN", "EXTERNAL_ID", "ML_REGION"})
    void blankRequiredVariableCountsAsMissing(String name) {
        Map<String, String> env = TestConfigs.env();
        env.put(name, "  ");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Config.fromEnv(env));
        assertTrue(e.getMessage().contains(name + " is required"), e.getMessage());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ML_REGION|useast1",
        "ML_FUNCTION_ARN|ml-stream",
        "ML_FUNCTION_ARN|arn:aws:iam::111122223333:role/ml-invoker",
        "ML_FUNCTION_ARN|arn:aws:lambda:ap-southeast-1:111122223333:function:ml-stream",
        "INVOKER_ROLE_ARN|arn:aws:iam::111122223333:user/someone",
        "EXTERNAL_ID|has spaces in it",
        "ROLE_SESSION_NAME|x",
        "LAMBDA_ENDPOINT|ftp://example.com",
        "LAMBDA_ENDPOINT|not a url",
        "STS_ENDPOINT|ftp://example.com",
        "MAX_ANSWER_BYTES|0",
        "MAX_ANSWER_BYTES|-1",
        "MAX_ANSWER_BYTES|5MB",
    })
    void malformedVariableIsNamed(String name, String value) {
        Map<String, String> env = TestConfigs.env();
        env.put(name, value);

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Config.fromEnv(env));
        assertTrue(e.getMessage().startsWith("Environment variable " + name + " is malformed"), e.getMessage());
    }

    @Test
    void functionInAnotherRegionIsRejected() {
        Map<String, String> env = TestConfigs.env();
        env.put("ML_FUNCTION_ARN", "arn:aws:lambda:eu-west-1:111122223333:function:ml-stream");

        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Config.fromEnv(env));
        assertTrue(e.getMessage().contains("eu-west-1") && e.getMessage().contains("us-east-1"), e.getMessage());
    }

    @Test
    void qualifiedFunctionArnIsAccepted() {
        Map<String, String> env = TestConfigs.env();
        env.put("ML_FUNCTION_ARN", TestConfigs.FUNCTION_ARN + ":live");

        assertEquals(TestConfigs.FUNCTION_ARN + ":live", Config.fromEnv(env).mlFunctionArn());
    }

    @Test
    void externalIdNeverAppearsInTextOrErrors() {
        assertFalse(TestConfigs.config().toString().contains(TestConfigs.EXTERNAL_ID));

        Map<String, String> env = TestConfigs.env();
        env.put("EXTERNAL_ID", "secret value!");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> Config.fromEnv(env));
        assertFalse(e.getMessage().contains("secret value!"), e.getMessage());
    }
}
