package herd.core;

import java.math.BigDecimal;
import java.util.Optional;

/**
 * A client's send time: POSIX seconds as an exact decimal, kept as the text the client
 * wrote. Two times that differ only in a far decimal place are different times, so the
 * value is never a {@code double}; {@code 1.5} and {@code 1.50} are equal times with
 * different texts. Times are compared on their text, exactly, without parsing.
 */
public record ClientTime(String text) implements Comparable<ClientTime> {

    public static Optional<ClientTime> parse(String text) {
        return DecimalText.isDecimal(text) ? Optional.of(new ClientTime(text)) : Optional.empty();
    }

    /** The exact value, for arithmetic. */
    public BigDecimal value() {
        return new BigDecimal(text);
    }

    @Override
    public int compareTo(ClientTime other) {
        return DecimalText.compare(text, other.text);
    }
}
