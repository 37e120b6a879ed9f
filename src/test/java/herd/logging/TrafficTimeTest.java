package herd.logging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.Vertx;
import io.vertx.junit5.VertxExtension;
import io.vertx.junit5.VertxTestContext;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Traffic lines share readings of the clock only within one turn of the event loop. */
@ExtendWith(VertxExtension.class)
class TrafficTimeTest {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");
    private static final int LINES = 2 * TrafficLog.LINES_PER_CLOCK + 1;

    @Test
    void aLaterTurnsLinesCarryTheirOwnTime(Vertx vertx, VertxTestContext test, @TempDir Path dir) throws Exception {
        Path file = dir.resolve("Gamma.log");
        MemberLog.open("Gamma", file.toString());
        TrafficLog.Connection connection = MemberLog.traffic("Gamma").connection("#7 /127.0.0.1:5000");
        vertx.runOnContext(first -> {
            for (int i = 0; i < LINES; i++) {
                connection.in("IAMAT early" + i + " +1+1 1");
            }
            vertx.setTimer(50, later -> {
                connection.out("AT late");
                vertx.runOnContext(handedOff -> test.completeNow()); // the turn's lines leave at its end

            });
        });
        assertTrue(test.awaitCompletion(10, TimeUnit.SECONDS));
        MemberLog.close("Gamma").get(10, TimeUnit.SECONDS);

        List<String> lines = Files.readAllLines(file);
        assertEquals(LINES + 1, lines.size(), String.join("\n", lines));
        LocalDateTime early = time(lines.get(0));
        for (String line : lines.subList(0, LINES)) {
            assertTrue(Math.abs(Duration.between(early, time(line)).toMillis()) < 40, line);
        }
        LocalDateTime late = time(lines.get(LINES));
        assertTrue(Duration.between(early, late).toMillis() >= 50, lines.get(0) + "\n" + lines.get(LINES));
        assertTrue(lines.get(LINES).endsWith(" DEBUG #7 -> AT late"), lines.get(LINES));
    }

    private static LocalDateTime time(String line) {
        return LocalDateTime.parse(line.substring(0, 23), TIME);
    }
}
