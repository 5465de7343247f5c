package dev.rulec.kibana.standin;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.util.Optional;
import java.util.function.UnaryOperator;

/** A failure the stand-in injects into the next matching call. */
public sealed interface Fault {
    /** Answer with this status (Kibana's error JSON), optionally with Retry-After, without doing anything. */
    record Status(int status, Optional<String> retryAfter) implements Fault {
    }

    /** Wait this long before handling the call normally: longer than the client's read timeout, it is a timeout. */
    record Delay(Duration delay) implements Fault {
    }

    /** For {@code _import}: write the first half of the batch, then drop the connection without an answer. */
    record ResetMidBatch() implements Fault {
    }

    /** Drop the connection at once, doing nothing. */
    record Reset() implements Fault {
    }

    /**
     * Handle the call normally, then change its 2xx answer: a Kibana or proxy whose answer differs from the documented
     * one. The schema gate still checks the changed answer, so its violations show how it differs.
     */
    record Reshape(UnaryOperator<ObjectNode> change) implements Fault {
    }

    static Fault status(int code) {
        return new Status(code, Optional.empty());
    }

    static Fault tooManyRequests(int retryAfterSeconds) {
        return new Status(429, Optional.of(Integer.toString(retryAfterSeconds)));
    }
}
