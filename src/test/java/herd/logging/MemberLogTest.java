package herd.logging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;

class MemberLogTest {

    @Test
    void eachMemberWritesItsOwnFileAndCanReopenIt(@TempDir Path dir) throws IOException {
        Path first = dir.resolve("a/Alpha.log");
        Path second = dir.resolve("b/Alpha.log");
        Logger log = MemberLog.open("Alpha", first.toString());
        log.debug("line one");
        MemberLog.close("Alpha");
        log.debug("while closed");

        MemberLog.open("Alpha", second.toString()).debug("line two");
        MemberLog.close("Alpha");

        String firstText = Files.readString(first);
        assertTrue(firstText.contains("DEBUG") && firstText.contains("line one"), firstText);
        assertFalse(firstText.contains("while closed"), firstText);
        assertTrue(Files.readString(second).contains("line two"));
    }
}
