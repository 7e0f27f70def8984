package com.example.bedrockstream.offline.path;

import com.example.bedrockstream.Stacks;
import com.example.bedrockstream.contract.HubOutputs;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static com.example.bedrockstream.offline.path.PathAssertions.EVERY_CALLER;
import static com.example.bedrockstream.offline.path.PathAssertions.HUB_NOTEBOOK_USER;
import static com.example.bedrockstream.offline.path.PathAssertions.SPOKE_NOTEBOOK_USER;
import static com.example.bedrockstream.offline.path.PathAssertions.SPOKE_FUNCTION;
import static com.example.bedrockstream.offline.path.PathAssertions.onlyBroken;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed stacks, and variations made through config and exports, proven hop by hop. */
class PathProofTest {

    @Test
    void everyCallerOfTheCommittedStacksPassesEveryHop() {
        var paths = PathProof.evaluate(PathRuns.committed());
        assertEquals(EVERY_CALLER, paths.stream().map(p -> p.caller().label()).toList());
        for (CallerPath path : paths) {
            assertEquals(Arrays.asList(Hop.values()), path.hops().stream().map(HopResult::hop).toList());
            assertTrue(path.passed(), PathTable.render(paths));
        }
        assertTrue(paths.stream().allMatch(p -> p.caller().externalId().equals(Optional.of(
                Stacks.TEST_EXTERNAL_ID))), "each caller presents the external id it was handed");
    }

    @Test
    void theTableHasARowPerCallerAndAColumnPerHop() {
        String table = PathTable.render(PathProof.evaluate(PathRuns.committed()));
        String[] lines = table.split("\n");
        for (Hop hop : Hop.values()) {
            assertTrue(lines[0].contains(" | " + hop.label()), table);
        }
        for (int row = 0; row < EVERY_CALLER.size(); row++) {
            assertTrue(lines[2 + row].startsWith(EVERY_CALLER.get(row)), table);
            assertEquals(Hop.values().length, lines[2 + row].split("\\| pass").length - 1, table);
        }
        assertTrue(table.endsWith("4 caller(s), 0 with a broken hop.\n"), table);
    }

    @Test
    void everyNotebookOfTheCommittedStacksOpensThroughItsOwnVpcOnly() {
        var users = PathProof.notebookUsers(PathRuns.committed());
        assertEquals(List.of(HUB_NOTEBOOK_USER, SPOKE_NOTEBOOK_USER), users.stream().map(NotebookUserPath::label).toList());
        for (NotebookUserPath path : users) {
            assertEquals(Arrays.asList(NotebookUserHop.values()), path.hops().stream().map(HopResult::hop).toList());
            assertTrue(path.passed(), PathTable.renderNotebookUsers(users));
        }
        String table = PathTable.renderNotebookUsers(users);
        String header = table.split("\n")[0];
        assertTrue(header.startsWith("notebook user ") && header.endsWith(" | 1 policy | 2 api-dns | 3 nb-dns | 4 sg"
                + " | 5 vpce | 6 logs"), table);
        assertTrue(table.split("\n")[3].startsWith(SPOKE_NOTEBOOK_USER + " | pass     | pass      |"), table);
        assertTrue(table.endsWith("2 notebook(s), 0 with a broken hop.\n"), table);
    }

    @Test
    void withoutPrivateAccessTheNotebookUserPathFailsAtTheExportedPolicy() {
        var hub = Stacks.hub(Map.of("notebookPrivateAccess", "false"), exports -> exports);
        assertTrue(hub.succeeded(), hub.errorText());
        var users = PathProof.notebookUsers(List.of(hub));
        assertEquals(1, users.size());
        assertEquals("app-use1 exports no notebook user policy (notebookUserPolicyArns = [])",
                users.get(0).hop(NotebookUserHop.USER_POLICY).failure().orElseThrow());
        assertTrue(users.get(0).hop(NotebookUserHop.API_DNS).failure().orElseThrow()
                .startsWith("no com.amazonaws.us-east-1.sagemaker.api endpoint in VPC vpc-"));
    }

    @Test
    void aTrustLimitedToTheHubStsEndpointStillAdmitsEveryCaller() {
        String stsEndpoint = String.valueOf(PathRuns.committed().get(1).outputs().get(HubOutputs.STS_ENDPOINT_ID.name()));
        var paths = PathProof.evaluate(PathRuns.chain(Map.of("allowedStsEndpointIds", "[\"" + stsEndpoint + "\"]"),
                exports -> exports));
        assertTrue(paths.stream().allMatch(CallerPath::passed), PathTable.render(paths));
    }

    @Test
    void aTrustLimitedToAnotherStsEndpointRefusesEveryCaller() {
        var paths = PathProof.evaluate(PathRuns.chain(Map.of("allowedStsEndpointIds", "[\"vpce-0a1b2c3d4e5f60718\"]"),
                exports -> exports));
        onlyBroken(paths, Hop.TRUST, EVERY_CALLER, "with the external id it was given, through vpce-");
    }

    @Test
    void aSpokeHandedAnotherExternalIdFailsTheTrustForItsFunctionOnly() {
        var paths = PathProof.evaluate(PathRuns.chain(Map.of(), exports -> {
            exports.put(HubOutputs.INVOKE_EXTERNAL_ID.name(), "not-the-agreed-external-id");
            return exports;
        }));
        // The notebook's user pastes the id the hub itself exports, which is still the agreed one.
        onlyBroken(paths, Hop.TRUST, List.of(SPOKE_FUNCTION), "refuses arn:aws:iam::111122223333:role/bedrock-app-app-apse1-app-invoker");
    }
}
