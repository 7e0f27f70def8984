package com.example.bedrockstream.offline.standin;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pulumirpc.Provider.InvokeRequest;
import pulumirpc.ResourceProviderGrpc.ResourceProviderBlockingStub;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The data sources answered for the provider's region and its credentials' account; no other. */
class DataSourcesTest {
    @TempDir
    Path cloud;
    private StandIn standIn;
    private ResourceProviderBlockingStub aws;

    @BeforeEach
    void start() throws IOException {
        standIn = new StandIn(cloud);
        aws = standIn.provider("111122223333", "ap-southeast-1");
    }

    @AfterEach
    void stop() {
        standIn.close();
    }

    @Test
    void callerRegionAndPartition() {
        assertEquals("111122223333", invoke(DataSources.GET_CALLER_IDENTITY).get("accountId"));
        assertEquals("ap-southeast-1", invoke(DataSources.GET_REGION).get("name"));
        assertEquals("aws", invoke(DataSources.GET_PARTITION).get("partition"));
    }

    @Test
    void anyOtherDataSourceIsAnErrorNamingIt() {
        assertEquals("the stand-in AWS provider does not implement the data source aws:ec2/getVpc:getVpc",
                StandIn.refusal(() -> invoke("aws:ec2/getVpc:getVpc")));
    }

    private Map<String, Object> invoke(String token) {
        return Structs.toMap(aws.invoke(InvokeRequest.newBuilder().setTok(token).build()).getReturn());
    }
}
