package com.example.bedrockstream.policy;

import com.example.bedrockstream.Policies;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A guard names everyone and every action; an Allow never may. */
class DenyStatementTest {

    @Test
    void aDenyMayNameEveryoneAndEveryActionOfAService() {
        var json = PolicyDocument.of(Statement.deny("Guard").anyone().everyActionOf("s3")
                .resources("arn:aws:s3:::b", "arn:aws:s3:::b/*")
                .condition("Bool", "aws:SecureTransport", "false").build()).toJson();
        var s = Policies.statement(json, "Guard");
        assertEquals("Deny", s.effect());
        assertEquals(Map.of("AWS", List.of("*")), s.principal());
        assertEquals(List.of("s3:*"), s.actions());
    }

    @Test
    void anAllowMayNotNameEveryoneOrEveryAction() {
        assertThrows(IllegalStateException.class, () -> Statement.allow("A").anyone());
        assertThrows(IllegalStateException.class, () -> Statement.allow("A").everyActionOf("s3"));
        assertThrows(IllegalStateException.class, () -> Statement.allow("A").actions("s3:GetObject")
                .principal(new Principal("AWS", List.of("*"))).build());
        assertThrows(IllegalArgumentException.class, () -> Principal.aws("*"));
        assertThrows(IllegalArgumentException.class, () -> new Principal("AWS", List.of("*", "arn:aws:iam::1:root")));
        assertThrows(IllegalArgumentException.class, () -> Statement.deny("D").everyActionOf("s3:*"));
    }
}
