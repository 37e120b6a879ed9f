package herd.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import herd.core.Report;
import herd.core.TimeDifference;
import java.time.Instant;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** The peer wire's line limit is exactly the longest AT line a valid client line can make. */
class LineLimitsTest {

    private static final String LONGEST_NAME = "N".repeat(LineLimits.MEMBER_NAME);

    @Test
    void theLongestValidClientLineMakesAnAtLineOfExactlyThePeerLimit() {
        String time = "9".repeat(LineLimits.CLIENT - "IAMAT c +0+0 ".length());
        String line = "IAMAT c +0+0 " + time;
        assertEquals(LineLimits.CLIENT, line.length());
        assertEquals(LineLimits.PEER, atLine(line, LONGEST_NAME).length());
    }

    @Property(tries = 300)
    void noValidClientLineMakesALongerAtLine(@ForAll @StringLength(min = 1, max = 4000) String idSeed,
                                              @ForAll @IntRange(min = 0, max = 8000) int integerDigits,
                                              @ForAll @IntRange(min = 0, max = 8000) int decimals) {
        String id = idSeed.replaceAll("[^!-~]", "x");
        String time = (integerDigits == 0 ? "0" : "9".repeat(integerDigits)) + (decimals == 0 ? "" : "." + "9".repeat(decimals));
        String line = "IAMAT " + id + " -90-180 " + time;
        if (line.length() <= LineLimits.CLIENT) {
            assertTrue(atLine(line, LONGEST_NAME).length() <= LineLimits.PEER, line.length() + " bytes");
        }
    }

    private static String atLine(String clientLine, String origin) {
        Command.IAmAt iAmAt = assertInstanceOf(Command.IAmAt.class, CommandParser.parse(clientLine));
        return new Report(origin, TimeDifference.between(Instant.now(), iAmAt.time()), iAmAt.clientId(),
                iAmAt.location(), iAmAt.time()).atLine();
    }
}
