package herd.places.offline;

/** One populated place of the GeoNames gazetteer. */
public record Place(long geonamesId, String name, double latitude, double longitude,
                    String country, String adminArea, int population, String featureCode) {

    /** People per square metre in a typical town, for {@link #extentMetres()}: 3,000 per km². */
    private static final double TYPICAL_DENSITY = 3000 / 1e6;

    /**
     * The radius of the disc the place roughly covers: GeoNames gives a point, but a client
     * on the UCLA campus is in Los Angeles although the city's point is 18 km away. The disc's
     * area is the population at a typical urban density (20 km for Los Angeles, 2 km for
     * Beverly Hills, a few hundred metres for a village).
     */
    public double extentMetres() {
        return Math.sqrt(population / (TYPICAL_DENSITY * Math.PI));
    }
}
