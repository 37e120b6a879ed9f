package herd.metrics;

/** What build of herd this is, as the jar's manifest says. */
public final class BuildInfo {

    private BuildInfo() {
    }

    /** The version written into the jar's manifest; classes outside a jar are a development build. */
    public static String version() {
        String version = BuildInfo.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }
}
