package dev.rulec.source.sigma.meta;

import dev.rulec.model.Severity;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Sigma level → Kibana severity and risk score, the one table of this mapping.
 *
 * <table>
 *   <tr><th>Sigma level</th><th>severity</th><th>risk score</th></tr>
 *   <tr><td>informational</td><td>low</td><td>1</td></tr>
 *   <tr><td>low</td><td>low</td><td>21</td></tr>
 *   <tr><td>medium</td><td>medium</td><td>47</td></tr>
 *   <tr><td>high</td><td>high</td><td>73</td></tr>
 *   <tr><td>critical</td><td>critical</td><td>99</td></tr>
 * </table>
 * Kibana has no "informational" severity; it becomes {@code low} with the lowest score Kibana allows above zero,
 * so informational rules sort below every real low-severity rule. The other scores are the midpoints Elastic's
 * own rules use for each severity band.
 */
public final class SeverityTable {

    public record Entry(Severity severity, long riskScore) {
    }

    private static final Map<String, Entry> TABLE = Map.of(
            "informational", new Entry(Severity.LOW, 1),
            "low", new Entry(Severity.LOW, 21),
            "medium", new Entry(Severity.MEDIUM, 47),
            "high", new Entry(Severity.HIGH, 73),
            "critical", new Entry(Severity.CRITICAL, 99));

    private SeverityTable() {
    }

    public static Optional<Entry> forLevel(String level) {
        return Optional.ofNullable(TABLE.get(level.toLowerCase(Locale.ROOT)));
    }

    public static String levels() {
        return "informational, low, medium, high, critical";
    }
}
