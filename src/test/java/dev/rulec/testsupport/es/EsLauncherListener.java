package dev.rulec.testsupport.es;

import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;

import java.util.Optional;

/**
 * Gives every integration test of the run the shared node, whatever its engine (Jupiter, jqwik): just before the first
 * {@code *IT} class starts, the node is started and {@code rulec.es.url} set, so ITs that only read that property work
 * unchanged; when the launcher session closes, the node is stopped. Unit-test runs (no {@code *IT} class) never start
 * one. Registered through {@code META-INF/services}. A start failure is printed here and fails every test that uses
 * {@link ElasticsearchExtension}; ITs that only read the property skip.
 */
public final class EsLauncherListener implements TestExecutionListener, LauncherSessionListener {
    private static boolean reported;

    @Override
    public void executionStarted(TestIdentifier id) {
        Optional<TestSource> source = id.getSource();
        if (!id.isContainer() || source.isEmpty() || !(source.get() instanceof ClassSource cs)
                || !cs.getClassName().endsWith("IT") || !SharedElasticsearch.configured()) {
            return;
        }
        try {
            SharedElasticsearch.get();
        } catch (RuntimeException e) {
            report(e);
        }
    }

    private static synchronized void report(RuntimeException e) {
        if (!reported) {
            reported = true;
            System.err.println("rulec-es: " + e.getMessage());
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        SharedElasticsearch.stop();
    }
}
