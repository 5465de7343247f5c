package dev.rulec.check;

import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Elasticsearch's 401 and 403 answers as one line that says what to do. A 403 names what Elasticsearch names: the
 * action refused, the user (or API key), the indices and the privileges that grant the action, from its
 * {@code security_exception} reason ({@code action [indices:admin/create] is unauthorized for user [u] with effective
 * roles [r] on indices [i], this action is granted by the index privileges [create_index,manage,all]}). Shared by
 * {@code rulec check --es} and {@code rulec test --es}.
 */
public final class AccessRefusal {
    private static final Pattern UNAUTHORIZED_ACTION = Pattern.compile(
            "action \\[([^\\]]+)] is unauthorized for (user \\[[^\\]]*]|API key id \\[[^\\]]*] of user \\[[^\\]]*])"
                    + "(?: with (?:effective )?roles \\[[^\\]]*])?(?: on indices \\[([^\\]]*)])?"
                    + "(?:, this action is granted by the (cluster|index) privileges \\[([^\\]]*)])?");

    private AccessRefusal() {
    }

    /**
     * The message for a 401 or 403 answer; empty for any other status.
     *
     * @param where  the call and the cluster ({@code PUT /x at http://127.0.0.1:9200})
     * @param reason Elasticsearch's reason, secrets already scrubbed
     */
    public static Optional<String> message(String where, int status, String reason) {
        if (status == 401) {
            return Optional.of(where + ": Elasticsearch answered 401 Unauthorized: credentials are missing or wrong (set "
                    + ClusterConfig.VARIABLES.advice() + "): " + reason);
        }
        if (status != 403) {
            return Optional.empty();
        }
        Matcher m = UNAUTHORIZED_ACTION.matcher(reason);
        if (!m.find()) {
            return Optional.of(where + ": Elasticsearch answered 403 Forbidden: the credentials lack a privilege: "
                    + reason);
        }
        String on = m.group(3) == null ? "" : " on [" + m.group(3) + "]";
        String grant = m.group(5) == null ? "grant the privilege this action needs"
                : "grant one of the " + m.group(4) + " privileges [" + String.join(", ",
                Arrays.stream(m.group(5).split(",")).map(String::strip).toList()) + "]" + on;
        return Optional.of(where + ": Elasticsearch answered 403 Forbidden: " + m.group(2) + " may not run ["
                + m.group(1) + "]" + on + " (" + grant + ")");
    }
}
