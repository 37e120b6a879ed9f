package herd.member;

import herd.core.LocationTable;
import herd.core.Report;
import herd.core.TimeDifference;
import herd.metrics.MemberMeters;
import herd.places.PlacesProvider;
import herd.places.PlacesQuery;
import herd.places.PlacesReply;
import herd.protocol.Command;
import herd.protocol.Reply;
import herd.server.CommandResponder;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Future;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** A member's answers to IAMAT and WHATSAT (protocol.md, IAMAT, WHATSAT, Invalid lines). */
final class Responder implements CommandResponder {

    private static final BigDecimal METRES_PER_KM = BigDecimal.valueOf(1000);
    static final String IAMAT = "IAMAT";
    static final String WHATSAT = "WHATSAT";

    private final String self;
    private final LocationTable table;
    private final PlacesProvider places;
    private final Consumer<Report> accepted;
    private final Clock clock;
    private final Counter iamats;
    private final Counter whatsats;
    private final Counter invalid;
    private final Timer iamatLatency;
    private final Timer whatsatLatency;
    private final ReplyLatency replyLatency;

    /** @param accepted takes every report this member receives from a client: stores it if it wins, floods it */
    Responder(String self, LocationTable table, PlacesProvider places, Consumer<Report> accepted, Clock clock,
              MemberMeters meters, ReplyLatency replyLatency) {
        this.self = self;
        this.table = table;
        this.places = places;
        this.accepted = accepted;
        this.clock = clock;
        this.iamats = meters.command(IAMAT, "ok");
        this.whatsats = meters.command(WHATSAT, "ok");
        this.invalid = meters.command("any", "invalid");
        this.iamatLatency = meters.replyLatency(IAMAT);
        this.whatsatLatency = meters.replyLatency(WHATSAT);
        this.replyLatency = replyLatency;
    }

    @Override
    public Future<Reply> respond(Command command, String line) {
        long started = System.nanoTime();
        if (command instanceof Command.IAmAt iAmAt) {
            Reply reply = Reply.line(iAmAt(iAmAt).atLine());
            iamats.increment();
            long took = System.nanoTime() - started;
            iamatLatency.record(took, TimeUnit.NANOSECONDS);
            replyLatency.record(IAMAT, took);
            return Future.succeededFuture(reply);
        }
        if (command instanceof Command.WhatsAt whatsAt) {
            Optional<Report> report = table.get(whatsAt.clientId());
            if (report.isPresent()) {
                whatsats.increment();
                return whatsAt(whatsAt, report.get())
                        .onComplete(done -> {
                            long took = System.nanoTime() - started;
                            whatsatLatency.record(took, TimeUnit.NANOSECONDS);
                            replyLatency.record(WHATSAT, took);
                        });
            }
        }
        invalid.increment();
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
