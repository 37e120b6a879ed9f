package herd.places;

import java.math.BigDecimal;

/**
 * A nearby search: the centre exactly as the client wrote it and the radius in metres.
 * Providers always ask for as many places as they can return (20); the WHATSAT bound is
 * applied afterwards, so that queries differing only in their bound can share an answer.
 */
public record PlacesQuery(BigDecimal latitude, BigDecimal longitude, BigDecimal radiusMetres) {

    /** The most places any provider returns for one query. */
    public static final int MAX_RESULTS = 20;
}
