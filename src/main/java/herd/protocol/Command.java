package herd.protocol;

import herd.core.ClientTime;
import herd.core.Location;
import java.math.BigDecimal;

/** One line from a client, parsed. */
public sealed interface Command {

    /** {@code IAMAT client location time}: a client reports where it is. */
    record IAmAt(String clientId, Location location, ClientTime time) implements Command {
    }

    /** {@code WHATSAT client radiusKm bound}: places near a client. */
    record WhatsAt(String clientId, BigDecimal radiusKm, int bound) implements Command {
    }

    /** Anything else that is not blank; answered {@code ? line}. */
    record Invalid(String line) implements Command {
    }

    /** An empty or white-space-only line; ignored, no reply. */
    record Blank() implements Command {
    }
}
