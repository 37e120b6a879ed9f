package herd.loadgen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class ScalePlotTest {

    @Test
    void plotsEverySizeOfTheSweepLabelledWithItsDiameterAndLeavesTheRegionsRunOut() throws Exception {
        JsonArray summary = new JsonArray()
                .add(row(5, "random", 1, 1.5, 9.0))
                .add(row(50, "random", 5, 3.0, 40.0))
                .add(row(50, "regions", 7, 4.0, 80.0));
        String svg = ScalePlot.svg(new JsonObject().put("summary", summary));
        Document plot = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertEquals(5, plot.getElementsByTagName("polyline").getLength(), "p50 and p99 twice, and the target");
        assertTrue(svg.contains("5 members, diameter 1") && svg.contains("50 members, diameter 5"), svg);
        assertTrue(!svg.contains("diameter 7"), "the regions run is not part of the sweep");
    }

    private static JsonObject row(int members, String shape, int diameter, double p50, double p99) {
        return new JsonObject().put("members", members).put("shape", shape).put("diameter", diameter)
                .put("rate", 5000.0).put("propagation_p50_ms", p50).put("propagation_p99_ms", p99)
                .put("farthest_p50_ms", p50).put("farthest_p99_ms", p99);
    }
}
