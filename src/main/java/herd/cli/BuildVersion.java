package herd.cli;

import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's version (from its manifest) and the Java running it. */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"herd " + version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }

    /** The version written into the jar's manifest; classes outside a jar are a development build. */
    static String version() {
        String version = HerdMain.class.getPackage().getImplementationVersion();
        return version == null ? "(development build)" : version;
    }
}
