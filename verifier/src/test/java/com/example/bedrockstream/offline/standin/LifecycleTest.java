package com.example.bedrockstream.offline.standin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.DiffRequest;
import pulumirpc.Provider.DiffResponse;
import pulumirpc.Provider.PropertyDiff;
import pulumirpc.Provider.ReadRequest;
import pulumirpc.Provider.UpdateRequest;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static com.example.bedrockstream.offline.standin.StandIn.create;
import static com.example.bedrockstream.offline.standin.StandIn.createRequest;
import static com.example.bedrockstream.offline.standin.StandIn.delete;
import static com.example.bedrockstream.offline.standin.StandIn.urn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A resource's life through the engine's calls: create, read, diff, update, delete, and preview. */
class LifecycleTest {
    private static final String ACCOUNT = "444455556666";
    private static final String LOG_GROUP = "aws:cloudwatch/logGroup:LogGroup";
    private static final String SUBNET = "aws:ec2/subnet:Subnet";

    @TempDir
    Path cloud;
    private StandIn standIn;
    private ResourceProviderBlockingStub aws;

    @BeforeEach
    void start() throws IOException {
        standIn = new StandIn(cloud);
        aws = standIn.provider(ACCOUNT, "us-east-1");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void createsReadsUpdatesAndDeletes() {
        var created = create(aws, LOG_GROUP, "ml-logs", Map.of("name", "/ml/logs", "retentionInDays", 90));
        assertEquals("/ml/logs", created.getId());
        var outputs = Structs.toMap(created.getProperties());
        assertEquals("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/ml/logs", outputs.get("arn"));
        assertEquals(90.0, outputs.get("retentionInDays"));
        var stored = standIn.store().entries();
        assertEquals(1, stored.size());
        assertEquals(List.of(LOG_GROUP, "/ml/logs", "us-east-1", ACCOUNT, urn(LOG_GROUP, "ml-logs")),
                List.of(stored.get(0).type(), stored.get(0).id(), stored.get(0).region(), stored.get(0).account(),
                        stored.get(0).urn()));

        var read = aws.read(ReadRequest.newBuilder().setId("/ml/logs").setUrn(urn(LOG_GROUP, "ml-logs"))
                .setType(LOG_GROUP).build());
        assertEquals("/ml/logs", read.getId());
        assertEquals(outputs, Structs.toMap(read.getProperties()));

        var updated = aws.update(UpdateRequest.newBuilder().setId("/ml/logs").setUrn(urn(LOG_GROUP, "ml-logs"))
                .setType(LOG_GROUP).setName("ml-logs").setOlds(created.getProperties())
                .setNews(Structs.toStruct(Map.of("name", "/ml/logs", "retentionInDays", 30))).build());
        assertEquals(30.0, Structs.toMap(updated.getProperties()).get("retentionInDays"));
        assertEquals(30.0, standIn.store().entries().get(0).inputs().get("retentionInDays"));

        delete(aws, LOG_GROUP, "ml-logs", "/ml/logs");
        assertTrue(standIn.store().entries().isEmpty());
        var gone = aws.read(ReadRequest.newBuilder().setId("/ml/logs").setUrn(urn(LOG_GROUP, "ml-logs"))
                .setType(LOG_GROUP).build());
        assertEquals("", gone.getId(), "an empty id tells the engine the resource is gone");
    }

    @Test
    void aPreviewComputesTheOutputsAndStoresNothing() {
        var preview = aws.create(createRequest(LOG_GROUP, "ml-logs", Map.of("name", "/ml/logs")).setPreview(true).build());
        assertEquals("arn:aws:logs:us-east-1:" + ACCOUNT + ":log-group:/ml/logs",
                Structs.toMap(preview.getProperties()).get("arn"));
        assertTrue(standIn.store().entries().isEmpty());
    }

    @Test
    void whatIsComputedFromAValueNotKnownYetIsNotKnownEither() {
        var preview = aws.create(createRequest(LOG_GROUP, "ml-logs", Map.of("name", Values.UNKNOWN, "retentionInDays", 90))
                .setPreview(true).build());
        var outputs = Structs.toMap(preview.getProperties());
        assertEquals(Values.UNKNOWN, outputs.get("arn"));
        assertEquals("", preview.getId());
        var endpoint = Structs.toMap(aws.create(createRequest("aws:ec2/vpcEndpoint:VpcEndpoint", "sts",
                Map.of("serviceName", "com.amazonaws.us-east-1.sts", "subnetIds", Values.UNKNOWN)).setPreview(true)
                .build()).getProperties());
        assertEquals(Values.UNKNOWN, endpoint.get("dnsEntries"), "one DNS entry per subnet, and the subnets are not known");
        assertTrue(String.valueOf(endpoint.get("id")).startsWith("vpce-"), "the id depends on the name alone");
    }

    @Test
    void aChangedNameOrBlockReplacesTheResource_otherChangesUpdateIt() {
        var olds = Map.<String, Object>of("vpcId", "vpc-0123456789abcdef0", "cidrBlock", "10.0.0.0/24",
                "tags", Map.of("Name", "a"));
        var replace = diff(SUBNET, olds, Map.of("vpcId", "vpc-0123456789abcdef0", "cidrBlock", "10.0.1.0/24",
                "tags", Map.of("Name", "b")));
        assertEquals(DiffResponse.DiffChanges.DIFF_SOME, replace.getChanges());
        assertEquals(List.of("cidrBlock"), replace.getReplacesList());
        assertEquals(List.of("cidrBlock", "tags"), replace.getDiffsList());
        assertEquals(PropertyDiff.Kind.UPDATE_REPLACE, replace.getDetailedDiffMap().get("cidrBlock").getKind());
        assertEquals(PropertyDiff.Kind.UPDATE, replace.getDetailedDiffMap().get("tags").getKind());

        var renamed = diff(LOG_GROUP, Map.of("name", "/a"), Map.of("name", "/b"));
        assertEquals(List.of("name"), renamed.getReplacesList());
        var same = diff(LOG_GROUP, Map.of("name", "/a", "retentionInDays", 30),
                Map.of("retentionInDays", 30.0, "name", "/a"));
        assertEquals(DiffResponse.DiffChanges.DIFF_NONE, same.getChanges());
    }

    @Test
    void anArchiveComparesByItsHash_andAValueNotKnownYetIsAChange() {
        var code = Map.of(Values.SIGNATURE, Values.ARCHIVE, "hash", "abc", "path", "/build/1/app.zip");
        var rebuilt = Map.of(Values.SIGNATURE, Values.ARCHIVE, "hash", "abc", "path", "/build/2/app.zip");
        var changed = Map.of(Values.SIGNATURE, Values.ARCHIVE, "hash", "def", "path", "/build/1/app.zip");
        String function = "aws:lambda/function:Function";
        assertEquals(DiffResponse.DiffChanges.DIFF_NONE,
                diff(function, Map.of("code", code), Map.of("code", rebuilt)).getChanges());
        assertEquals(List.of("code"), diff(function, Map.of("code", code), Map.of("code", changed)).getDiffsList());
        assertEquals(List.of("timeout"),
                diff(function, Map.of("timeout", 30), Map.of("timeout", Values.UNKNOWN)).getDiffsList());
    }

    @Test
    void aSecretIsStoredAsADigest_andReadGivesTheEnginesValueBack() throws IOException {
        String externalId = "0123456789abcdef0123456789abcdef";
        var policy = Map.of(Values.SIGNATURE, Values.SECRET, "value", "{\"ExternalId\":\"" + externalId + "\"}");
        var created = create(aws, "aws:iam/role:Role", "invoker", Map.of("name", "invoker", "assumeRolePolicy", policy));
        assertEquals(policy, Structs.toMap(created.getProperties()).get("assumeRolePolicy"), "still marked secret");
        assertFalse(Files.readString(cloud.resolve("cloud.json")).contains(externalId));

        var read = aws.read(ReadRequest.newBuilder().setId("invoker").setUrn(urn("aws:iam/role:Role", "invoker"))
                .setType("aws:iam/role:Role").setProperties(created.getProperties()).build());
        assertEquals(policy, Structs.toMap(read.getProperties()).get("assumeRolePolicy"));
    }

    private DiffResponse diff(String type, Map<String, ?> olds, Map<String, ?> news) {
        return aws.diff(DiffRequest.newBuilder().setUrn(urn(type, "r")).setType(type).setId("r")
                .setOldInputs(Structs.toStruct(olds)).setOlds(Structs.toStruct(olds))
                .setNews(Structs.toStruct(news)).build());
    }
}
