package herd.cli;

import herd.metrics.BuildInfo;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: the jar's version (from its manifest) and the Java running it. */
final class BuildVersion implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {"herd " + BuildInfo.version(), "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
    }
}
