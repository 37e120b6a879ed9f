package herd.places.offline;

/** One populated place of the GeoNames gazetteer. */
public record Place(long geonamesId, String name, double latitude, double longitude,
                    String country, String adminArea, int population, String featureCode) {
}
