package herd.places;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.VertxModule;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The JSON part of a WHATSAT reply (protocol.md, WHATSAT): the provider's answer with its results
 * cut to the bound, printed the way Google prints it (three-space indentation,
 * {@code "key" : value}, {@code []} for an empty array), with no empty line and no final
 * newline.
 */
public final class PlacesReply {

    private static final ObjectWriter WRITER =
            new ObjectMapper().registerModule(new VertxModule()).writer(new GooglePrettyPrinter());

    private PlacesReply() {
    }

    public static String format(JsonObject response, int bound) {
        JsonObject cut = response.copy();
        JsonArray results = cut.getJsonArray("results");
        if (results != null && results.size() > bound) {
            cut.put("results", new JsonArray(results.getList().subList(0, bound)));
        }
        try {
            return WRITER.writeValueAsString(cut).replaceAll("\n{2,}", "\n");
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Jackson's pretty printer, indented and spaced like Google's output. */
    private static final class GooglePrettyPrinter extends DefaultPrettyPrinter {

        GooglePrettyPrinter() {
            DefaultIndenter indenter = new DefaultIndenter("   ", "\n");
            indentObjectsWith(indenter);
            indentArraysWith(indenter);
        }

        @Override
        public DefaultPrettyPrinter createInstance() {
            return new GooglePrettyPrinter();
        }

        @Override
        public void writeEndArray(JsonGenerator g, int nrOfValues) throws IOException {
            if (nrOfValues == 0) {
                // Jackson writes "[ ]" for an empty array; Google writes "[]".
                _nesting--;
                g.writeRaw(']');
            } else {
                super.writeEndArray(g, nrOfValues);
            }
        }

        @Override
        public void writeEndObject(JsonGenerator g, int nrOfEntries) throws IOException {
            if (nrOfEntries == 0) {
                _nesting--;
                g.writeRaw('}');
            } else {
                super.writeEndObject(g, nrOfEntries);
            }
        }
    }
}
