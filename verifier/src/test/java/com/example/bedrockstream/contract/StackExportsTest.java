package com.example.bedrockstream.contract;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StackExportsTest {

    @Test
    void aStackCannotExportAnOutputOutsideItsContract() {
        var exports = new StackExports(MlOutputs.ALL);
        var refused = assertThrows(IllegalArgumentException.class, () -> exports.put(HubOutputs.VPC_ID, "vpc-1"));
        assertTrue(refused.getMessage().contains("hubVpcId is not part of this stack's contract"));
    }

    @Test
    void outputNamesAreUniqueAcrossContracts() {
        var names = new java.util.ArrayList<String>();
        MlOutputs.ALL.forEach(o -> names.add(o.name()));
        HubOutputs.ALL.forEach(o -> names.add(o.name()));
        assertEquals(names.size(), names.stream().distinct().count(), names.toString());
    }

    @Test
    void shapesRefuseWhatAStackMightWronglyExport() {
        assertEquals(Optional.of("x"), MlOutputs.FUNCTION_ARN.cast("x"));
        assertEquals(Optional.empty(), MlOutputs.FUNCTION_ARN.cast(""));
        assertEquals(Optional.empty(), MlOutputs.FUNCTION_ARN.cast(42.0));
        assertEquals(Optional.of(List.of("a")), MlOutputs.ALLOWED_MODEL_IDS.cast(List.of("a")));
        assertEquals(Optional.empty(), MlOutputs.ALLOWED_MODEL_IDS.cast(List.of(1.0)));
        assertTrue(MlOutputs.EXTERNAL_ID.secret());
        assertTrue(HubOutputs.INVOKE_EXTERNAL_ID.secret());
    }
}
