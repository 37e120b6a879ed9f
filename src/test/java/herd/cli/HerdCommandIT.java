package herd.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.MemberConfig;
import herd.testing.FreePorts;
import herd.testing.LineClient;
import herd.testing.MemberProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jar's command line as a user meets it: {@code java -jar herd-fat.jar ...}. */
class HerdCommandIT {

    @TempDir
    Path dir;

    @Test
    void helpListsTheCommandsAndExitsZero() throws Exception {
        MemberProcess help = MemberProcess.herd("help", dir, "--help").start();
        assertEquals(0, help.awaitExit(), help.output());
        for (String command : new String[] {"member", "status", "client", "bench", "Exit codes"}) {
            assertTrue(help.output().contains(command), help.output());
        }
    }

    @Test
    void versionNamesTheJarsVersion() throws Exception {
        MemberProcess version = MemberProcess.herd("version", dir, "--version").start();
        assertEquals(0, version.awaitExit(), version.output());
        assertTrue(version.output().matches("(?s)herd \\d+\\.\\d+\\.\\d+.*Java 17.*"), version.output());
    }

    @Test
    void anUnknownOptionIsAUsageErrorWithExitTwo() throws Exception {
        MemberProcess wrong = MemberProcess.herd("wrong", dir, "--frobnicate").start();
        assertEquals(2, wrong.awaitExit(), wrong.output());
        assertTrue(wrong.output().contains("Unknown option: '--frobnicate'"), wrong.output());
        assertTrue(!wrong.output().contains("\tat "), "a stack trace: " + wrong.output());
    }

    @Test
    void checkConfigValidatesAFileWithoutStartingAnything() throws Exception {
        MemberConfig solo = MemberProcess.loopback("Solo", FreePorts.next(), Map.of(), dir).build();
        Path good = MemberProcess.of(solo, dir).configFile();
        MemberProcess check = MemberProcess.herd("check", dir, "member", "-conf", good.toString(), "--check-config").start();
        assertEquals(0, check.awaitExit(), check.output());
        assertTrue(check.output().contains("OK, 1 member(s): Solo on 127.0.0.1:" + solo.port()), check.output());

        Path bad = Files.writeString(dir.resolve("Bad.json"), "{\"name\": \"Bad\", \"port\": 99999, \"neighbours\": {}}");
        MemberProcess refused = MemberProcess.herd("refused", dir, "member", "-conf", bad.toString(), "--check-config").start();
        assertEquals(2, refused.awaitExit(), refused.output());
        assertTrue(refused.output().contains(bad + ": port: must be an integer from 1 to 65535"), refused.output());
    }

    @Test
    void memberRunsAMemberUntilSigterm() throws Exception {
        MemberConfig solo = MemberProcess.loopback("Solo", FreePorts.next(), Map.of(), dir).build();
        Path conf = MemberProcess.of(solo, dir).configFile();
        MemberProcess member = MemberProcess.herd("member", dir, "member", "-conf", conf.toString()).start();
        try {
            member.awaitListeningOn(solo.port());
            try (LineClient client = new LineClient(solo.port())) {
                assertTrue(client.send("IAMAT kiwi +1+1 1\n").readLine().startsWith("AT Solo "));
            }
        } finally {
            assertEquals(0, member.stop(), member.output());
        }
    }
}
