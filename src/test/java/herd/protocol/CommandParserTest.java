package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    @Test
    void parsesIamatWithAnyWhiteSpaceBetweenFields() {
        Command command = CommandParser.parse(" \tIAMAT  kiwi.cs.ucla.edu\t+34.068930-118.445127 \u000b1621464827.959498503\f ");
        Command.IAmAt iAmAt = assertInstanceOf(Command.IAmAt.class, command);
        assertEquals("kiwi.cs.ucla.edu", iAmAt.clientId());
        assertEquals("+34.068930-118.445127", iAmAt.location().text());
        assertEquals("1621464827.959498503", iAmAt.time().text());
    }

    @Test
    void parsesWhatsat() {
        Command.WhatsAt whatsAt = assertInstanceOf(Command.WhatsAt.class, CommandParser.parse("WHATSAT kiwi 10 5"));
        assertEquals("kiwi", whatsAt.clientId());
        assertEquals(0, new BigDecimal("10").compareTo(whatsAt.radiusKm()));
        assertEquals(5, whatsAt.bound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"WHATSAT k 50 20", "WHATSAT k 0.001 1", "WHATSAT k 50.000 1", "WHATSAT k .5 1", "WHATSAT k 7. 1"})
    void acceptsRadiusAndBoundAtTheirLimits(String line) {
        assertInstanceOf(Command.WhatsAt.class, CommandParser.parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t \r", "\u000b\f"})
    void ignoresBlankLines(String line) {
        assertInstanceOf(Command.Blank.class, CommandParser.parse(line));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "HELLO", "iamat kiwi +1+1 1", "IAMAT kiwi +1+1", "IAMAT kiwi +1+1 1 extra", "IAMAT kiwi 1+1 1",
        "IAMAT kiwi +91+1 1", "IAMAT kiwi +1-181 1", "IAMAT kiwi +1+1 1e9", "IAMAT kiwi +1+1 -5", "IAMAT kiwi +1+1 nan",
        "WHATSAT kiwi 0 5", "WHATSAT kiwi -1 5", "WHATSAT kiwi 50.0001 5", "WHATSAT kiwi abc 5", "WHATSAT kiwi 10 0",
        "WHATSAT kiwi 10 21", "WHATSAT kiwi 10 1.5", "WHATSAT kiwi 10 -1", "WHATSAT kiwi 10 99999999999999999999",
        "WHATSAT kiwi 99999999999999999999 5", "WHATSAT kiwi 10", "WHATSAT kiwi 10 5 5",
        "AT Clark +0.263873386 kiwi +34.068930-118.445127 1621464827.959498503", "IAMAT\u00a0kiwi +1+1 1"})
    void answersEverythingElseWithTheLineAsReceived(String line) {
        Command.Invalid invalid = assertInstanceOf(Command.Invalid.class, CommandParser.parse(line));
        assertEquals(line, invalid.line());
    }
}
