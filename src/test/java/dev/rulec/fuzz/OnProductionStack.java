package dev.rulec.fuzz;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import static org.junit.jupiter.api.Assertions.fail;

/**
 * Runs a check on a thread with the JVM's default stack (1 MiB on Linux x86-64; ./rulec sets none), not the test JVM's
 * -Xss8m, so a recursion that only fits in the bigger stack still fails here. Stops waiting after {@code limit}: a hang
 * guard, not a benchmark.
 */
final class OnProductionStack {
    static final long STACK_BYTES = 1024 * 1024;

    private OnProductionStack() {
    }

    static <T> T call(String what, Duration limit, Supplier<T> work) {
        AtomicReference<T> result = new AtomicReference<>();
        AtomicReference<Throwable> thrown = new AtomicReference<>();
        Thread t = new Thread(null, () -> {
            try {
                result.set(work.get());
            } catch (Throwable e) { // the check is that nothing escapes: report whatever did
                thrown.set(e);
            }
        }, "deep-input", STACK_BYTES);
        t.setDaemon(true);
        t.start();
        try {
            t.join(limit.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            fail("interrupted");
        }
        if (t.isAlive()) {
            fail(what + ": still running after " + limit.toSeconds() + " s");
        }
        if (thrown.get() != null) {
            throw new AssertionError(what + ": " + thrown.get(), thrown.get());
        }
        return result.get();
    }
}
