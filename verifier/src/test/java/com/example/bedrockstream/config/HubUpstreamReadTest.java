package com.example.bedrockstream.config;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.MlOutputs;
import com.example.bedrockstream.domain.ConfigProblem;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyList;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/** The hub reads its ML stack only through a well-formed name, and asks for the whole ML contract. */
class HubUpstreamReadTest {

    private static StackConfig parseHub(HashMap<String, String> config, UpstreamReader upstream) {
        return StackConfigParser.parse("app-use1", config.keySet(), key -> Optional.ofNullable(config.get(key)), key -> false, upstream);
    }

    @Test
    void aMalformedStackNameIsNeverDereferenced() {
        var config = new HashMap<>(Stacks.files().config("app-use1"));
        config.put(Stacks.NS + "mlStack", "ml-use1");
        var upstream = mock(UpstreamReader.class);
        var refused = assertThrows(ConfigurationException.class, () -> parseHub(config, upstream));
        assertTrue(refused.getMessage().contains("bedrock-stream:mlStack = \"ml-use1\""), refused.getMessage());
        verifyNoInteractions(upstream);
    }

    @Test
    void theConfiguredStackIsReadForTheWholeMlContractAndItsProblemsAreReported() {
        var config = new HashMap<>(Stacks.files().config("app-use1"));
        var upstream = mock(UpstreamReader.class);
        when(upstream.read(any(), any(), any(), anyList())).thenAnswer(call -> {
            List<ConfigProblem> problems = call.getArgument(3);
            problems.add(new ConfigProblem(call.getArgument(0), "\"" + call.getArgument(1) + "\"", "a stack that answers"));
            return Optional.empty();
        });
        var refused = assertThrows(ConfigurationException.class, () -> parseHub(config, upstream));
        assertTrue(refused.getMessage().contains(
                "bedrock-stream:mlStack = \"organization/bedrock-stream/ml-use1\": expected a stack that answers"));
        verify(upstream).read(eq("bedrock-stream:mlStack"), eq("organization/bedrock-stream/ml-use1"),
                eq(MlOutputs.ALL), anyList());
    }
}
