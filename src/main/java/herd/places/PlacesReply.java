package herd.places;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.core.json.jackson.JacksonCodec;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;

/**
 * The JSON part of a WHATSAT reply (protocol.md, WHATSAT): the provider's answer with its results
 * cut to the bound, printed the way Google prints it (three-space indentation,
 * {@code "key" : value}, {@code []} for an empty array), with no empty line and no final
 * newline.
 */
public final class PlacesReply {

    /** jackson-core's generator, not databind's object mapper, whose loading delays a member's first WHATSAT. */
    private static final JsonFactory JSON = new JsonFactory();

    private PlacesReply() {
    }

    public static String format(JsonObject response, int bound) {
        JsonObject cut = response.copy();
        JsonArray results = cut.getJsonArray("results");
        if (results != null && results.size() > bound) {
            cut.put("results", new JsonArray(results.getList().subList(0, bound)));
        }
        StringWriter text = new StringWriter();
        try (JsonGenerator json = JSON.createGenerator(text)) {
            json.setPrettyPrinter(new GooglePrettyPrinter());
            JacksonCodec.encodeJson(cut, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString().replaceAll("\n{2,}", "\n");
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
