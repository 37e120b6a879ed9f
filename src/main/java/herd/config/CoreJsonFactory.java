package herd.config;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.jackson.JacksonCodec;
import io.vertx.core.spi.JsonFactory;
import io.vertx.core.spi.json.JsonCodec;
import java.io.IOException;

/**
 * Vert.x's JSON codec on jackson-core alone, chosen through {@code META-INF/services}: with
 * jackson-databind on the class path Vert.x would pick its databind codec, whose object mapper costs a
 * member a seventh of a second before it can listen. The herd only turns JSON text into
 * {@code JsonObject}s and back, which jackson-core does.
 *
 * <p>Where jackson-core's codec says only "Failed to decode" (valid JSON, but not the object asked
 * for), this one says what it found and where.
 */
public final class CoreJsonFactory implements JsonFactory {

    private static final JsonCodec CODEC = new Codec();

    @Override
    public JsonCodec codec() {
        return CODEC;
    }

    private static final class Codec extends JacksonCodec {

        @Override
        public <T> T fromString(String text, Class<T> type) {
            try {
                return super.fromString(text, type);
            } catch (DecodeException e) {
                throw e.getCause() == null ? found(JacksonCodec.createParser(text)) : e;
            }
        }

        @Override
        public <T> T fromBuffer(Buffer text, Class<T> type) {
            try {
                return super.fromBuffer(text, type);
            } catch (DecodeException e) {
                throw e.getCause() == null ? found(JacksonCodec.createParser(text)) : e;
            }
        }
    }

    /** What the text holds, e.g. "found an array (line 1, column 1)". */
    static DecodeException found(JsonParser parser) {
        try (parser) {
            JsonToken token = parser.nextToken();
            if (token == null) {
                return new DecodeException("found no value at all");
            }
            JsonLocation at = parser.currentTokenLocation();
            return new DecodeException("found " + what(token) + " (line " + at.getLineNr() + ", column "
                    + at.getColumnNr() + ")");
        } catch (IOException e) {
            return new DecodeException(e.getMessage());
        }
    }

    private static String what(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "an array";
            case START_OBJECT -> "an object";
            case VALUE_STRING -> "a string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "a number";
            case VALUE_TRUE, VALUE_FALSE -> "a boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }
}
