package herd.protocol;

import herd.core.ClientTime;
import herd.core.Location;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parses client lines (protocol.md, IAMAT, WHATSAT, Invalid lines). */
public final class CommandParser {

    public static final BigDecimal MAX_RADIUS_KM = BigDecimal.valueOf(50);
    public static final int MAX_BOUND = 20;

    private static final Pattern RADIUS = Pattern.compile("[0-9]+(\\.[0-9]*)?|\\.[0-9]+");
    private static final Pattern BOUND = Pattern.compile("[0-9]{1,9}");

    private CommandParser() {
    }

    /** @param line the line as received, without its line end */
    public static Command parse(String line) {
        List<String> fields = Fields.split(line);
        if (fields.isEmpty()) {
            return new Command.Blank();
        }
        Optional<? extends Command> command = Optional.empty();
        if (fields.size() == 4) {
            switch (fields.get(0)) {
                case "IAMAT" -> command = iAmAt(fields);
                case "WHATSAT" -> command = whatsAt(fields);
                default -> { }
            }
        }
        return command.isPresent() ? command.get() : new Command.Invalid(line);
    }

    private static Optional<Command.IAmAt> iAmAt(List<String> fields) {
        Optional<Location> location = Location.parse(fields.get(2));
        Optional<ClientTime> time = ClientTime.parse(fields.get(3));
        if (location.isEmpty() || time.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Command.IAmAt(fields.get(1), location.get(), time.get()));
    }

    private static Optional<Command.WhatsAt> whatsAt(List<String> fields) {
        String radiusText = fields.get(2);
        String boundText = fields.get(3);
        if (!RADIUS.matcher(radiusText).matches() || !BOUND.matcher(boundText).matches()) {
            return Optional.empty();
        }
        BigDecimal radius = new BigDecimal(radiusText);
        int bound = Integer.parseInt(boundText);
        if (radius.signum() <= 0 || radius.compareTo(MAX_RADIUS_KM) > 0 || bound < 1 || bound > MAX_BOUND) {
            return Optional.empty();
        }
        return Optional.of(new Command.WhatsAt(fields.get(1), radius, bound));
    }
}
