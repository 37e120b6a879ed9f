package herd.places.offline;

/** A place found by a search, with its distance from the search's centre. */
public record NearbyPlace(Place place, double distanceMetres) {
}
