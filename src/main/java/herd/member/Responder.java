package herd.member;

import herd.core.LocationTable;
import herd.core.Report;
import herd.core.TimeDifference;
import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import herd.places.PlacesReply;
import herd.protocol.Command;
import herd.protocol.Reply;
import herd.server.CommandResponder;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/** A member's answers to IAMAT and WHATSAT (PROTOCOL.md §3, §4, §7). */
final class Responder implements CommandResponder {

    private static final BigDecimal METRES_PER_KM = BigDecimal.valueOf(1000);

    private final String self;
    private final LocationTable table;
    private final PlacesProvider places;
    private final Consumer<Report> accepted;
    private final Clock clock;

    /** @param accepted takes every report this member receives from a client: stores it if it wins, floods it */
    Responder(String self, LocationTable table, PlacesProvider places, Consumer<Report> accepted, Clock clock) {
        this.self = self;
        this.table = table;
        this.places = places;
        this.accepted = accepted;
        this.clock = clock;
    }

    @Override
    public Future<Reply> respond(Command command, String line) {
        if (command instanceof Command.IAmAt iAmAt) {
            return Future.succeededFuture(Reply.line(iAmAt(iAmAt).atLine()));
        }
        if (command instanceof Command.WhatsAt whatsAt) {
            Optional<Report> report = table.get(whatsAt.clientId());
            if (report.isPresent()) {
                return whatsAt(whatsAt, report.get());
            }
        }
        return Future.succeededFuture(Reply.invalid(line));
    }

    private Report iAmAt(Command.IAmAt command) {
        String difference = TimeDifference.between(clock.instant(), command.time());
        Report report = new Report(self, difference, command.clientId(), command.location(), command.time());
        accepted.accept(report);
        return report;
    }

    private Future<Reply> whatsAt(Command.WhatsAt command, Report report) {
        PlacesQuery query = new PlacesQuery(report.location().latitude(), report.location().longitude(),
                command.radiusKm().multiply(METRES_PER_KM));
        return places.nearby(query)
                .map(places -> new Reply(report.atLine(), PlacesReply.format(places, command.bound())));
    }
}
