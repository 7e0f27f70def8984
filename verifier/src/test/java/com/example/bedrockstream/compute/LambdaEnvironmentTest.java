package com.example.bedrockstream.compute;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The program and each Lambda agree on the environment: every variable the program sets is read by the Lambda, and
 * every variable the Lambda's code reads is set by the program or deliberately left to its default. Read from the
 * Lambdas' sources, so a renamed variable on either side fails here instead of at the function's first cold start.
 */
class LambdaEnvironmentTest {
    private static final Path ML_STREAM = Path.of("lambda-src/ml-stream");
    private static final Path APP_INVOKER_CONFIG = Path.of(
            "lambda-src/app-invoker/src/main/java/com/example/bedrockstream/appinvoker/Config.java");
    /** Powertools reads its own variables; the packages the function imports. */
    private static final List<String> POWERTOOLS = List.of("commons", "logger", "metrics");

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<Path> files(Path dir, String suffix) {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Set<String> matches(Pattern pattern, String text) {
        var names = new TreeSet<String>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            names.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return names;
    }

    private static <V extends Enum<V>> Set<String> names(Class<V> variables) {
        return Arrays.stream(variables.getEnumConstants()).map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
    }

    /** What the ML function's own code reads: {@code env.NAME} and {@code integer(env, 'NAME', ...)}. */
    private static Set<String> readByMlStream() {
        String code = files(ML_STREAM.resolve("src"), ".mjs").stream().map(LambdaEnvironmentTest::read)
                .collect(Collectors.joining("\n"));
        return matches(Pattern.compile("\\benv\\.([A-Z][A-Z0-9_]*)|\\(env, '([A-Z][A-Z0-9_]*)'"), code);
    }

    private static boolean readByPowertools(String name) {
        return POWERTOOLS.stream().flatMap(p -> files(ML_STREAM.resolve("node_modules/@aws-lambda-powertools/" + p
                + "/lib/esm"), ".js").stream()).anyMatch(file -> read(file).contains("'" + name + "'"));
    }

    @Test
    void theMlFunctionReadsEveryVariableTheProgramSetsAndTheProgramSetsEveryOneItReads() {
        Set<String> read = readByMlStream();
        assertFalse(read.isEmpty(), "no variable found in " + ML_STREAM.resolve("src"));
        for (String name : names(LambdaEnvironment.MlStream.class)) {
            assertTrue(read.contains(name) || name.startsWith("POWERTOOLS_") && readByPowertools(name),
                    "the program sets " + name + ", which the ML function does not read");
        }
        var declared = new HashSet<>(names(LambdaEnvironment.MlStream.class));
        declared.addAll(LambdaEnvironment.ML_STREAM_DEFAULTS);
        assertEquals(Set.of(), read.stream().filter(n -> !declared.contains(n)).collect(Collectors.toSet()),
                "read by the ML function, neither set by the program nor left to its default on purpose");
        assertEquals(Set.of(), LambdaEnvironment.ML_STREAM_DEFAULTS.stream().filter(n -> !read.contains(n))
                .collect(Collectors.toSet()), "left to a default the ML function does not read");
    }

    @Test
    void theApplicationLambdaReadsEveryVariableTheProgramSetsAndTheProgramSetsEveryOneItRequires() {
        String config = read(APP_INVOKER_CONFIG);
        var values = new java.util.HashMap<String, String>();
        Matcher constant = Pattern.compile("static final String ([A-Z_]+) = \"([A-Z][A-Z0-9_]*)\";").matcher(config);
        while (constant.find()) {
            values.put(constant.group(1), constant.group(2));
        }
        Set<String> required = matches(Pattern.compile("required\\(env, ([A-Z_]+)\\)()"), config).stream()
                .map(values::get).collect(Collectors.toSet());
        Set<String> optional = matches(Pattern.compile("optional\\(env, ([A-Z_]+)\\)()"), config).stream()
                .map(values::get).collect(Collectors.toSet());
        assertFalse(required.isEmpty(), "no required variable found in " + APP_INVOKER_CONFIG);

        Set<String> set = names(LambdaEnvironment.AppInvoker.class);
        assertEquals(required, set, "the program sets exactly what the Application Lambda requires");
        assertEquals(optional, Set.copyOf(LambdaEnvironment.APP_INVOKER_DEFAULTS),
                "the variables the Application Lambda reads with a default are the ones the program leaves to it");
    }
}
