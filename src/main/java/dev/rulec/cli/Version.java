package dev.rulec.cli;

import picocli.CommandLine;

/** The version printed by {@code rulec --version}, from the jar manifest when packaged. */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        String v = Main.class.getPackage().getImplementationVersion();
        return new String[] {"rulec " + (v == null ? "(development build)" : v)};
    }

    /** The version for reports (SARIF, JUnit): the manifest's, or {@code development}. */
    static String implementation() {
        String v = Main.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
