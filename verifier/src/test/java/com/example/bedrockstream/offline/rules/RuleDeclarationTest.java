package com.example.bedrockstream.offline.rules;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A rule is found by its id: a search for it in the program's sources lands on the one declaration that holds its
 * message, source and check; and the sources, the rules tables included, have no line wider than 140 characters.
 */
class RuleDeclarationTest {
    private static final Path PROGRAM = Path.of("program/src/main/java");
    private static final Path VERIFIER = Path.of("verifier/src/main/java");

    @Test
    void everyRuleIdIsWrittenOutOnceInTheProgramsSources() {
        Map<Path, String> sources = new java.util.HashMap<>(read(PROGRAM));
        sources.putAll(read(VERIFIER));
        var wrong = new TreeMap<String, List<Path>>();
        for (PlanRule rule : PlanRules.ALL) {
            var at = new ArrayList<Path>();
            sources.forEach((file, text) -> {
                for (int i = text.indexOf("\"" + rule.id() + "\""); i >= 0; i = text.indexOf("\"" + rule.id() + "\"", i + 1)) {
                    at.add(file);
                }
            });
            if (at.size() != 1) {
                wrong.put(rule.id(), at);
            }
        }
        assertEquals(Map.of(), wrong, "rule ids written out other than once, with the files that write them");
    }

    @Test
    void noSourceLineIsOver140Characters() {
        var wide = new ArrayList<String>();
        var sources = new java.util.HashMap<>(read(PROGRAM));
        sources.putAll(read(VERIFIER));
        sources.forEach((file, text) -> {
            String[] lines = text.split("\n", -1);
            for (int i = 0; i < lines.length; i++) {
                if (lines[i].length() > 140) {
                    wide.add(file + ":" + (i + 1) + " has " + lines[i].length());
                }
            }
        });
        assertEquals(List.of(), wide);
    }

    /** Every rule has its failing fixture: an input rule its check's violating sample, any other its entry by id. */
    @Test
    void everyRuleHasAFailingFixture() {
        var missing = PlanRules.ALL.stream().filter(rule -> RuleFixtures.of(rule).isEmpty()).map(PlanRule::id).toList();
        assertEquals(List.of(), missing);
    }

    /** What is not adopted has a reason, and is not adopted after all. */
    @Test
    void theCheckovChecksNotAdoptedHaveAReasonAndNoRule() {
        var seen = new HashSet<String>();
        for (CheckovRules.NotAdopted check : CheckovRules.NOT_ADOPTED) {
            assertTrue(check.check().matches("CKV2?_AWS_\\d+"), check.check());
            assertTrue(seen.add(check.check()), "listed twice: " + check.check());
            assertFalse(check.reason().isBlank(), check.check() + " has no reason");
            assertTrue(PlanRules.ALL.stream().noneMatch(rule -> rule.id().equals("checkov:" + check.check())),
                    check.check() + " is both adopted and not");
        }
    }

    @Test
    void theIsolationFamilyIsCheckovRules() {
        assertFalse(PlanRules.CHECKOV_ISOLATION.isEmpty());
        PlanRules.CHECKOV_ISOLATION.forEach(id -> assertTrue(CheckovRules.RULES.stream()
                .anyMatch(rule -> rule.id().equals(id)), id));
    }

    private static Map<Path, String> read(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            var out = new TreeMap<Path, String>();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                out.put(file, Files.readString(file));
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
