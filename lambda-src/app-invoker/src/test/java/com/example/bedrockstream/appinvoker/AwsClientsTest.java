package com.example.bedrockstream.appinvoker;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaAsyncClient;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.auth.StsAssumeRoleCredentialsProvider;
import software.amazon.awssdk.services.sts.model.AssumeRoleRequest;
import software.amazon.awssdk.services.sts.model.AssumeRoleResponse;
import software.amazon.awssdk.services.sts.model.Credentials;

class AwsClientsTest {

    @Test
    void stsClientUsesTheRegionalEndpointOfTheMlRegion() {
        Map<String, String> env = TestConfigs.env();
        env.put("ML_REGION", "ap-southeast-1");
        env.put("ML_FUNCTION_ARN", "arn:aws:lambda:ap-southeast-1:111122223333:function:ml-stream");
        Config config = Config.fromEnv(env);

        assertEquals(URI.create("https://sts.ap-southeast-1.amazonaws.com"), AwsClients.stsEndpoint("ap-southeast-1"));
        try (StsClient sts = AwsClients.stsClient(config)) {
            assertEquals(Optional.of(URI.create("https://sts.ap-southeast-1.amazonaws.com")),
                    sts.serviceClientConfiguration().endpointOverride());
            assertEquals(Region.AP_SOUTHEAST_1, sts.serviceClientConfiguration().region());
        }
    }

    @Test
    void stsEndpointCanBeOverridden() {
        Map<String, String> env = TestConfigs.env();
        env.put("STS_ENDPOINT", "http://127.0.0.1:9002");

        try (StsClient sts = AwsClients.stsClient(Config.fromEnv(env))) {
            assertEquals(Optional.of(URI.create("http://127.0.0.1:9002")),
                    sts.serviceClientConfiguration().endpointOverride());
        }
    }

    @Test
    void lambdaClientUsesTheMlRegionAndTheDefaultEndpoint() {
        try (LambdaAsyncClient lambda = AwsClients.lambdaClient(TestConfigs.config(), () -> null)) {
            assertEquals(Region.US_EAST_1, lambda.serviceClientConfiguration().region());
            assertEquals(Optional.empty(), lambda.serviceClientConfiguration().endpointOverride());
        }
    }

    @Test
    void lambdaEndpointCanBeOverridden() {
        Map<String, String> env = TestConfigs.env();
        env.put("LAMBDA_ENDPOINT", "http://127.0.0.1:9001");

        try (LambdaAsyncClient lambda = AwsClients.lambdaClient(Config.fromEnv(env), () -> null)) {
            assertEquals(Optional.of(URI.create("http://127.0.0.1:9001")),
                    lambda.serviceClientConfiguration().endpointOverride());
        }
    }

    @Test
    void assumeRoleCarriesRoleExternalIdAndSessionName() {
        Map<String, String> env = TestConfigs.env();
        env.put("ROLE_SESSION_NAME", "nb-session");
        StsClient sts = stsReturning(credentials("ASIAFIRST", Duration.ofHours(1)));

        AwsClients.credentialsProvider(sts, Config.fromEnv(env)).resolveCredentials();

        ArgumentCaptor<AssumeRoleRequest> request = ArgumentCaptor.forClass(AssumeRoleRequest.class);
        verify(sts).assumeRole(request.capture());
        assertEquals(TestConfigs.ROLE_ARN, request.getValue().roleArn());
        assertEquals(TestConfigs.EXTERNAL_ID, request.getValue().externalId());
        assertEquals("nb-session", request.getValue().roleSessionName());
    }

    @Test
    void validCredentialsAreAssumedOnceAndReused() throws InterruptedException {
        StsClient sts = stsReturning(credentials("ASIAFIRST", Duration.ofHours(1)));
        StsAssumeRoleCredentialsProvider provider = AwsClients.credentialsProvider(sts, TestConfigs.config());

        AwsCredentials first = provider.resolveCredentials();
        // Past the SDK's one-second grace for values it considers stale on arrival, so a
        // misconfigured stale/prefetch window would show up as a second AssumeRole here.
        Thread.sleep(1100);
        AwsCredentials second = provider.resolveCredentials();

        verify(sts, times(1)).assumeRole(any(AssumeRoleRequest.class));
        assertEquals("ASIAFIRST", first.accessKeyId());
        assertEquals(first, second);
    }

    @Test
    void expiringCredentialsAreAssumedAgainAndTheNewOnesReused() {
        // 30 s left is inside the provider's one-minute stale window: these count as expired.
        StsClient sts = stsReturning(
                credentials("ASIAEXPIRING", Duration.ofSeconds(30)),
                credentials("ASIAFRESH", Duration.ofHours(1)));
        StsAssumeRoleCredentialsProvider provider = AwsClients.credentialsProvider(sts, TestConfigs.config());

        assertEquals("ASIAEXPIRING", provider.resolveCredentials().accessKeyId());
        AwsCredentials refreshed = provider.resolveCredentials();
        AwsCredentials reused = provider.resolveCredentials();

        verify(sts, times(2)).assumeRole(any(AssumeRoleRequest.class));
        assertEquals("ASIAFRESH", refreshed.accessKeyId());
        assertNotEquals("ASIAEXPIRING", reused.accessKeyId());
        assertEquals(refreshed, reused);
    }

    static StsClient stsReturning(Credentials first, Credentials... rest) {
        StsClient sts = mock(StsClient.class);
        AssumeRoleResponse[] more = new AssumeRoleResponse[rest.length];
        for (int i = 0; i < rest.length; i++) {
            more[i] = AssumeRoleResponse.builder().credentials(rest[i]).build();
        }
        when(sts.assumeRole(any(AssumeRoleRequest.class)))
                .thenReturn(AssumeRoleResponse.builder().credentials(first).build(), more);
        return sts;
    }

    static Credentials credentials(String accessKeyId, Duration validFor) {
        return Credentials.builder()
                .accessKeyId(accessKeyId)
                .secretAccessKey("secret-" + accessKeyId)
                .sessionToken("token-" + accessKeyId)
                .expiration(Instant.now().plus(validFor))
                .build();
    }
}
