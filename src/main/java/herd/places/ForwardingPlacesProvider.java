package herd.places;

import io.vertx.core.Future;

/**
 * A provider that wraps another to add something to its answers (metering, failure answers):
 * its cache and its resources are the wrapped provider's.
 */
abstract class ForwardingPlacesProvider implements PlacesProvider {

    protected final PlacesProvider places;

    ForwardingPlacesProvider(PlacesProvider places) {
        this.places = places;
    }

    @Override
    public void prepare() {
        places.prepare();
    }

    @Override
    public long cacheHits() {
        return places.cacheHits();
    }

    @Override
    public Future<Void> close() {
        return places.close();
    }
}
