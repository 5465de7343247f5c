package dev.rulec.kibana;

import java.time.Duration;
import java.util.Optional;
import java.util.function.DoubleSupplier;

/**
 * Retries for 429, 502, 503, 504 and connection errors: exponential backoff with full jitter
 * ({@code random(0, min(max, base * 2^attempt))}), but never sooner than the server's Retry-After.
 *
 * @param maxAttempts total tries, the first included
 * @param random      a source of [0, 1) values; injected so tests are deterministic
 */
public record RetryPolicy(int maxAttempts, Duration base, Duration max, DoubleSupplier random) {
    /** How long a Retry-After may make us wait at most; a longer one fails the call instead of hanging. */
    public static final Duration MAX_RETRY_AFTER = Duration.ofMinutes(2);

    public RetryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public static RetryPolicy defaults() {
        return new RetryPolicy(6, Duration.ofMillis(500), Duration.ofSeconds(30), Math::random);
    }

    /** Whether an HTTP status is worth retrying. 500 is not: it is usually a bug that a retry repeats. */
    public static boolean retryable(int status) {
        return status == 429 || status == 502 || status == 503 || status == 504;
    }

    /** The wait before retry number {@code attempt} (1 = the first retry). */
    public Duration delay(int attempt, Optional<Duration> retryAfter) {
        double cap = Math.min(max.toMillis(), base.toMillis() * Math.pow(2, attempt - 1));
        long jittered = (long) (random.getAsDouble() * cap);
        long floor = retryAfter.map(Duration::toMillis).orElse(0L);
        return Duration.ofMillis(Math.max(jittered, floor));
    }
}
