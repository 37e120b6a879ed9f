package herd.places;

import herd.metrics.MemberMeters;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Duration;

/** Counts a member's places calls by answered status and times them (failures are statuses too). */
public final class MeteredPlacesProvider extends ForwardingPlacesProvider {

    private final MemberMeters meters;
    private final String provider;

    public MeteredPlacesProvider(PlacesProvider places, MemberMeters meters, String provider) {
        super(places);
        this.meters = meters;
        this.provider = provider;
    }

    @Override
    public Future<JsonObject> nearby(PlacesQuery query) {
        long started = System.nanoTime();
        return places.nearby(query).onSuccess(answer -> meters.placesCall(provider,
                answer.getString("status", PlacesResponses.UNKNOWN_ERROR), Duration.ofNanos(System.nanoTime() - started)));
    }
}
