package herd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class MemberLogTest {

    /** "2026-11-25 03:00:17.934 DEBUG [main] line one" */
    private static final Pattern LINE =
            Pattern.compile("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} DEBUG \\[[^]]+] line one");

    @TempDir
    Path dir;

    @AfterEach
    void closeAll() {
        MemberLog.close("Alpha").join();
        MemberLog.close("Beta").join();
    }

    @Test
    void writesDebugLinesWithTimeLevelAndThreadIntoANewDirectory() throws IOException {
        Path file = dir.resolve("logs/deeper/Alpha.log");
        Logger log = MemberLog.open("Alpha", file.toString());
        log.debug("line one");
        MemberLog.close("Alpha").join();

        assertEquals("herd.member.Alpha", log.getName());
        assertTrue(log.isDebugEnabled());
        String text = Files.readString(file);
        assertTrue(LINE.matcher(text).find(), text);
    }

    @Test
    void reopensAfterCloseAndWritesNothingWhileClosed() throws IOException {
        Path first = dir.resolve("a/Alpha.log");
        Path second = dir.resolve("b/Alpha.log");
        Logger log = MemberLog.open("Alpha", first.toString());
        log.debug("line one");
        MemberLog.close("Alpha").join();
        log.debug("while closed");
        MemberLog.open("Alpha", second.toString()).debug("line two");
        MemberLog.close("Alpha").join();

        String firstText = Files.readString(first);
        assertTrue(firstText.contains("line one"), firstText);
        assertFalse(firstText.contains("while closed"), firstText);
        assertFalse(firstText.contains("line two"), firstText);
        assertTrue(Files.readString(second).contains("line two"));
    }

    @Test
    void withoutTrafficOnlyInfoAndAboveReachTheFile() throws IOException {
        Path file = dir.resolve("Alpha.log");
        Logger log = MemberLog.open("Alpha", file.toString(), false, herd.config.LogConfig.DEFAULTS);
        log.debug("a line in");
        log.info("a link opened");
        MemberLog.close("Alpha").join();

        String text = Files.readString(file);
        assertFalse(text.contains("a line in"), text);
        assertTrue(text.contains("INFO") && text.contains("a link opened"), text);
    }

    @Test
    void membersKeepTheirOwnFiles() throws IOException {
        Path alpha = dir.resolve("Alpha.log");
        Path beta = dir.resolve("Beta.log");
        MemberLog.open("Alpha", alpha.toString()).info("from alpha");
        MemberLog.open("Beta", beta.toString()).info("from beta");
        MemberLog.close("Alpha").join();
        MemberLog.open("Alpha", alpha.toString()).info("alpha again");
        MemberLog.close("Alpha").join();
        MemberLog.close("Beta").join();

        assertEquals(2, Files.readAllLines(alpha).size());
        assertEquals(1, Files.readAllLines(beta).size());
        assertTrue(Files.readString(beta).contains("from beta"));
    }

    @Test
    void twoMembersCannotShareAFile() {
        Path shared = dir.resolve("shared.log");
        MemberLog.open("Alpha", shared.toString());
        assertThrows(IllegalStateException.class, () -> MemberLog.open("Beta", shared.toString()));
    }

    @Test
    void anUncreatableDirectoryIsReported() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("plain"), "x");
        UncheckedIOException failure = assertThrows(UncheckedIOException.class,
                () -> MemberLog.open("Alpha", notADirectory.resolve("Alpha.log").toString()));
        assertEquals("cannot create the directory of " + notADirectory.resolve("Alpha.log") + ": " + notADirectory
                + " is a file", failure.getMessage());
    }

    /** The file is opened on the writer's thread: what logback cannot open is reported there, and nothing waits forever. */
    @Test
    void aFileLogbackCannotOpenFailsTheOpeningAndStillCloses() throws Exception {
        Path directory = Files.createDirectories(dir.resolve("Alpha.log"));
        Logger log = MemberLog.open("Alpha", directory.toString());
        log.info("never written");
        ExecutionException failure = assertThrows(ExecutionException.class,
                () -> MemberLog.traffic("Alpha").opened().get(10, TimeUnit.SECONDS));
        assertEquals("cannot open " + directory + " (Is a directory)", failure.getCause().getMessage());
        MemberLog.close("Alpha").get(10, TimeUnit.SECONDS);
        assertTrue(Files.isDirectory(directory));
    }

    @Test
    void anOpenedFileCompletesTheOpening() throws Exception {
        MemberLog.open("Alpha", dir.resolve("Alpha.log").toString());
        MemberLog.traffic("Alpha").opened().get(10, TimeUnit.SECONDS);
        assertTrue(Files.exists(dir.resolve("Alpha.log")));
    }

    @Test
    void aFullFileIsRolledAndTheNextOneWrittenWithNoLineLost() throws IOException {
        Path file = dir.resolve("Alpha.log");
        Logger log = MemberLog.open("Alpha", file.toString(), true, new herd.config.LogConfig(1, 10, false, 8192));
        String padding = "x".repeat(1000);
        int lines = 3000;
        for (int i = 0; i < lines; i++) {
            log.debug("line {} {}", i, padding);
        }
        MemberLog.close("Alpha").join();

        List<Path> files;
        try (Stream<Path> listed = Files.list(dir)) {
            files = listed.filter(path -> path.getFileName().toString().startsWith("Alpha.log")).sorted().toList();
        }
        assertTrue(files.size() >= 3, "3 MB in files of 1 MB: " + files);
        Set<String> seen = new HashSet<>();
        for (Path path : files) {
            // A file is rolled once it holds 1 MB, which one write of the writer may pass.
            assertTrue(Files.size(path) <= 1024 * 1024 + 2 * LogWriter.WRITE_BYTES, path + ": " + Files.size(path) + " bytes");
            for (String line : Files.readAllLines(path)) {
                seen.add(line.replaceAll(".* DEBUG \\[[^]]+] line (\\d+) x+$", "$1"));
            }
        }
        for (int i = 0; i < lines; i++) {
            assertTrue(seen.contains(Integer.toString(i)), "line " + i);
        }
    }
}
