package dev.rulec.ruletest.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.ruletest.RuleResult;

import java.util.List;
import java.util.Locale;

/** The three report formats of {@code rulec test}: a text summary, JSON, and JUnit XML (one testcase per rule). */
public final class Reports {
    private Reports() {
    }

    public static long count(List<RuleResult> results, RuleResult.Status s) {
        return results.stream().filter(r -> r.status() == s).count();
    }

    public static String summary(List<RuleResult> results) {
        return String.format(Locale.ROOT, "rulec test: %d rule%s: %d passed, %d failed, %d error%s, %d skipped",
                results.size(), results.size() == 1 ? "" : "s", count(results, RuleResult.Status.PASS),
                count(results, RuleResult.Status.FAIL), count(results, RuleResult.Status.ERROR),
                count(results, RuleResult.Status.ERROR) == 1 ? "" : "s", count(results, RuleResult.Status.SKIP));
    }

    public static String text(List<RuleResult> results) {
        StringBuilder b = new StringBuilder();
        for (RuleResult r : results) {
            b.append(String.format(Locale.ROOT, "%-5s %s  %s", r.status().name(), r.ruleFile().isEmpty()
                    ? r.fixture().orElse("") : r.ruleFile(), r.name()));
            if (r.status() == RuleResult.Status.PASS) {
                b.append(String.format(Locale.ROOT, "  (%d event%s, %d ms)", r.events(), r.events() == 1 ? "" : "s",
                        r.millis()));
            }
            b.append('\n');
            if (r.status() != RuleResult.Status.PASS) {
                r.messages().forEach(m -> b.append("      ").append(m).append('\n'));
            }
        }
        return b.append(summary(results)).append('\n').toString();
    }

    public static String json(List<RuleResult> results) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode root = f.objectNode();
        ObjectNode sum = root.putObject("summary");
        sum.put("rules", results.size());
        for (RuleResult.Status s : RuleResult.Status.values()) {
            sum.put(s.label(), count(results, s));
        }
        ArrayNode arr = root.putArray("results");
        for (RuleResult r : results) {
            ObjectNode o = arr.addObject();
            o.put("rule_id", r.ruleId()).put("name", r.name()).put("rule_file", r.ruleFile());
            r.fixture().ifPresentOrElse(x -> o.put("fixture", x), () -> o.putNull("fixture"));
            o.put("status", r.status().label()).put("events", r.events()).put("millis", r.millis());
            ArrayNode m = o.putArray("messages");
            r.messages().forEach(m::add);
        }
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(root) + "\n";
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String junit(List<RuleResult> results) {
        StringBuilder b = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        double secs = results.stream().mapToLong(RuleResult::millis).sum() / 1000.0;
        b.append(String.format(Locale.ROOT,
                "<testsuite name=\"rulec test\" tests=\"%d\" failures=\"%d\" errors=\"%d\" skipped=\"%d\" time=\"%.3f\">%n",
                results.size(), count(results, RuleResult.Status.FAIL), count(results, RuleResult.Status.ERROR),
                count(results, RuleResult.Status.SKIP), secs));
        for (RuleResult r : results) {
            b.append(String.format(Locale.ROOT, "  <testcase classname=\"%s\" name=\"%s\" time=\"%.3f\"",
                    xml(r.ruleFile().isEmpty() ? r.fixture().orElse("") : r.ruleFile()), xml(r.name()),
                    r.millis() / 1000.0));
            String msg = String.join("\n", r.messages());
            switch (r.status()) {
                case PASS:
                    b.append("/>\n");
                    break;
                case SKIP:
                    b.append(">\n    <skipped message=\"").append(xml(msg)).append("\"/>\n  </testcase>\n");
                    break;
                case FAIL:
                    b.append(">\n    <failure message=\"").append(xml(r.messages().isEmpty() ? "" : r.messages().get(0)))
                            .append("\">").append(xml(msg)).append("</failure>\n  </testcase>\n");
                    break;
                default:
                    b.append(">\n    <error message=\"").append(xml(r.messages().isEmpty() ? "" : r.messages().get(0)))
                            .append("\">").append(xml(msg)).append("</error>\n  </testcase>\n");
                    break;
            }
        }
        return b.append("</testsuite>\n").toString();
    }

    static String xml(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\n': b.append("&#10;"); break;
                default:
                    if (c < 0x20 && c != '\t') {
                        b.append("&#").append((int) c).append(';');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
