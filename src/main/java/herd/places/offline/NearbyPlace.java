package herd.places.offline;

/**
 * A place found by a search.
 *
 * @param distanceMetres from the search's centre to the edge of the place's extent (0 inside it)
 * @param centreMetres   from the search's centre to the place's point
 */
public record NearbyPlace(Place place, double distanceMetres, double centreMetres) {
}
