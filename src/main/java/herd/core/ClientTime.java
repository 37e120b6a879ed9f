package herd.core;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A client's send time: POSIX seconds as an exact decimal, with the text the client wrote.
 * Two times that differ only in a far decimal place are different times, so the value is
 * never a {@code double}; {@code 1.5} and {@code 1.50} are equal times with different texts.
 */
public record ClientTime(BigDecimal value, String text) implements Comparable<ClientTime> {

    public static Optional<ClientTime> parse(String text) {
        if (!DecimalText.isDecimal(text)) {
            return Optional.empty();
        }
        return Optional.of(new ClientTime(new BigDecimal(text), text));
    }

    @Override
    public int compareTo(ClientTime other) {
        return value.compareTo(other.value);
    }
}
