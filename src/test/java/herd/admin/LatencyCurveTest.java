package herd.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;

class LatencyCurveTest {

    @Test
    void theEncodedHistogramBecomesItsValuesAtThePercentiles() {
        Histogram micros = new Histogram(3);
        for (int i = 1; i <= 1000; i++) {
            micros.recordValue(i * 100L);
        }
        JsonObject figures = new JsonObject().put("count", 1000).put("histogram", HistogramText.encode(micros));

        LatencyCurve.replaceHistogram(figures);

        assertFalse(figures.containsKey("histogram"));
        JsonArray values = figures.getJsonArray("percentiles");
        assertEquals(LatencyCurve.PERCENTILES.length, values.size());
        assertEquals(100, values.getLong(0), 1);
        assertEquals(50_000, values.getLong(2), 50);
        assertEquals(100_000, values.getLong(values.size() - 1), 100);
        for (int i = 1; i < values.size(); i++) {
            assertTrue(values.getLong(i) >= values.getLong(i - 1), values.encode());
        }
    }

    @Test
    void anUnreadableHistogramGivesNoValues() {
        JsonObject figures = new JsonObject().put("histogram", "not a histogram");
        LatencyCurve.replaceHistogram(figures);
        assertEquals(new JsonObject().put("percentiles", new JsonArray()), figures);
    }
}
