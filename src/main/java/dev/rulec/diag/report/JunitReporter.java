package dev.rulec.diag.report;

import dev.rulec.diag.Diagnostic;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JUnit XML in the Ant/Surefire shape CI servers read: one {@code testsuite}, one {@code testcase} per input file, one
 * {@code failure} per finding at or above the failing level (type = its code); findings below it go to the test case's
 * {@code system-out}. Diagnostics about no input file (a missing path) get a test case of their own.
 */
final class JunitReporter implements Reporter {

    @Override
    public String render(Report report) {
        Map<String, List<Diagnostic>> byFile = new LinkedHashMap<>();
        for (String f : report.files()) {
            byFile.put(report.displayPath(f), new ArrayList<>());
        }
        for (Diagnostic d : report.diagnostics()) {
            byFile.computeIfAbsent(report.displayPath(d.pos().file()), k -> new ArrayList<>()).add(d);
        }
        long failedCases = byFile.values().stream().filter(ds -> ds.stream().anyMatch(report::fails)).count();
        StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        sb.append("<testsuite name=\"").append(attr(report.tool())).append("\" tests=\"").append(byFile.size())
                .append("\" failures=\"").append(failedCases).append("\" errors=\"0\" skipped=\"0\" time=\"0\">\n");
        for (Map.Entry<String, List<Diagnostic>> e : byFile.entrySet()) {
            sb.append("  <testcase classname=\"").append(attr(report.tool())).append("\" name=\"")
                    .append(attr(e.getKey())).append("\" time=\"0\"");
            if (e.getValue().isEmpty()) {
                sb.append("/>\n");
                continue;
            }
            sb.append(">\n");
            StringBuilder out = new StringBuilder();
            for (Diagnostic d : e.getValue()) {
                if (report.fails(d)) {
                    sb.append("    <failure type=\"").append(attr(d.code())).append("\" message=\"")
                            .append(attr(d.message())).append("\">").append(text(line(report, d)))
                            .append("</failure>\n");
                } else {
                    out.append(line(report, d)).append('\n');
                }
            }
            if (!out.isEmpty()) {
                sb.append("    <system-out>").append(text(out.toString())).append("</system-out>\n");
            }
            sb.append("  </testcase>\n");
        }
        return sb.append("</testsuite>\n").toString();
    }

    private static String line(Report report, Diagnostic d) {
        String pos = report.displayPath(d.pos().file()) + ":" + d.pos().line() + ":" + d.pos().column();
        return pos + ": " + d.format().substring(d.pos().toString().length() + 2);
    }

    /** Text content: markup characters escaped, characters XML 1.0 forbids replaced. */
    static String text(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().forEach(c -> {
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                default -> {
                    boolean allowed = c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF)
                            || (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
                    sb.appendCodePoint(allowed ? c : 0xFFFD);
                }
            }
        });
        return sb.toString();
    }

    static String attr(String s) {
        return text(s).replace("\"", "&quot;").replace("\n", "&#10;").replace("\r", "&#13;").replace("\t", "&#9;");
    }
}
