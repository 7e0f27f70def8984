package com.example.bedrockstream.build;

import com.example.bedrockstream.SlowestTestClasses;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The end-of-run list of slow test classes counts this run's reports, from every fork, and no earlier run's. */
class SlowestTestClassesTest {
    @Test
    void thisRunsReportsAreReadAndAnEarlierRunsAreNot(@TempDir Path reports) throws Exception {
        var started = Instant.parse("2026-01-01T10:00:00Z");
        report(reports, "a.SlowTest", "1,234.5", 3, started.plusSeconds(60));
        report(reports, "b.FastTest", "0.25", 1, started.plusSeconds(61));
        report(reports, "c.OldTest", "99.0", 7, started.minusSeconds(60));
        Files.writeString(reports.resolve("TEST-d.CutShortTest.xml"), "<?xml version=\"1.0\"?><testsui");

        assertEquals(List.of(new SlowestTestClasses.ClassTime("a.SlowTest", 1234.5, 3),
                        new SlowestTestClasses.ClassTime("b.FastTest", 0.25, 1)),
                SlowestTestClasses.read(reports, FileTime.from(started)).stream()
                        .sorted((x, y) -> x.name().compareTo(y.name())).toList());
    }

    private static void report(Path dir, String name, String time, int tests, Instant written) throws Exception {
        Path file = dir.resolve("TEST-" + name + ".xml");
        Files.writeString(file, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuite xmlns:xsi=\"x\" version=\"3.0.2\""
                + " name=\"" + name + "\" time=\"" + time + "\" tests=\"" + tests + "\" errors=\"0\" skipped=\"0\""
                + " failures=\"0\"><properties/><testcase name=\"t\" classname=\"" + name + "\" time=\"0.1\"/></testsuite>\n");
        Files.setLastModifiedTime(file, FileTime.from(written));
    }
}
