package com.example.bedrockstream;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Prints the slowest test classes of this build, run by Maven right after the tests (exec:java@slowest-tests). It reads
 * surefire's reports, which every fork writes, keeping those written since this Maven started: an earlier run's
 * reports of classes not run this time are left out.
 */
public final class SlowestTestClasses {
    private static final int SHOWN = 10;

    /** One test class's report: its wall time in its fork and how many tests it ran. */
    public record ClassTime(String name, double seconds, int tests) {
    }

    private SlowestTestClasses() {
    }

    public static void main(String[] args) throws IOException {
        // A property, not an argument: -Dexec.args (the preview's options) reaches every exec:java.
        Path reports = Path.of(System.getProperty("slowestTests.reports", "target/surefire-reports"));
        var since = FileTime.fromMillis(ManagementFactory.getRuntimeMXBean().getStartTime());
        List<ClassTime> times = read(reports, since);
        if (times.isEmpty()) {
            return;
        }
        double total = times.stream().mapToDouble(ClassTime::seconds).sum();
        System.out.printf("%nslowest test classes (of %d, %.1f s in all, summed over the forks):%n", times.size(), total);
        times.stream().sorted(Comparator.comparingDouble(ClassTime::seconds).reversed()).limit(SHOWN)
                .forEach(t -> System.out.printf("  %6.1f s  %4d tests  %s%n", t.seconds(), t.tests(), t.name()));
    }

    public static List<ClassTime> read(Path reports, FileTime since) throws IOException {
        if (!Files.isDirectory(reports)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(reports)) {
            return files.filter(f -> f.getFileName().toString().startsWith("TEST-") && f.toString().endsWith(".xml"))
                    .filter(f -> modified(f).compareTo(since) >= 0)
                    .map(SlowestTestClasses::classTime).flatMap(Optional::stream).toList();
        }
    }

    /** The attributes of the report's root element, read without the rest (reports may hold long outputs). */
    static Optional<ClassTime> classTime(Path report) {
        try (InputStream in = Files.newInputStream(report)) {
            var xml = XMLInputFactory.newFactory().createXMLStreamReader(in);
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && xml.getLocalName().equals("testsuite")) {
                    return Optional.of(new ClassTime(xml.getAttributeValue(null, "name"),
                            Double.parseDouble(xml.getAttributeValue(null, "time").replace(",", "")),
                            Integer.parseInt(xml.getAttributeValue(null, "tests"))));
                }
            }
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (XMLStreamException | RuntimeException e) {
            // A report being written or cut short by a crashed fork: surefire already reported that fork.
            return Optional.empty();
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
