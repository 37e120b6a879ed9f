package herd.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.config.PlacesConfig;
import herd.testing.LineClient;
import herd.testing.TestHerd;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import io.vertx.junit5.VertxExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** herd-agreement against a real herd: it waits for equal tables and times them from the links' coming up. */
@ExtendWith(VertxExtension.class)
class AgreementTest {

    @Test
    void aMemberRestartedEmptyIsTimedUntilItHoldsEveryClientAndItsTableEqualsTheOthers(Vertx vertx, @TempDir Path dir)
            throws Exception {
        try (TestHerd herd = TestHerd.standard(vertx, dir, PlacesConfig.offline()).start()) {
            Path herdFile = herd.writeHerdFile(dir.resolve("herd.json"));
            try (LineClient clark = new LineClient(herd.port("Clark"))) {
                for (int i = 0; i < 20; i++) {
                    clark.send("IAMAT client" + i + " +1+1 " + (i + 1) + "\n").readLine();
                }
            }
            JsonObject agreed = agreement(dir.resolve("herd-agreed.json"), "--herd", herdFile.toString());
            assertTrue(agreed.getLong("agreedAfterLinksUpMs") >= 0, agreed.encode());

            herd.stopMember("Jaquez");
            herd.startMember("Jaquez");
            JsonObject restarted = agreement(dir.resolve("restart.json"), "--herd", herdFile.toString(),
                    "--member", "Jaquez", "--clients", "20");
            assertEquals(20, restarted.getInteger("clients"));
            assertTrue(restarted.getLong("clientsAfterLinksUpMs") <= restarted.getLong("agreedAfterLinksUpMs"),
                    restarted.encode());
            // Its two neighbours each sent it the table, over each of the two links between them.
            assertTrue(restarted.getJsonObject("peerTraffic").getLong("linesIn") >= 20, restarted.encode());
        }
    }

    private static JsonObject agreement(Path json, String... args) throws Exception {
        String[] all = new String[args.length + 4];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(new String[] {"--timeout", "20", "--json", json.toString()}, 0, all, args.length, 4);
        assertEquals(0, new CommandLine(new Agreement()).execute(all));
        return new JsonObject(Files.readString(json));
    }
}
