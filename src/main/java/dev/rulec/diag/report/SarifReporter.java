package dev.rulec.diag.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Severity;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * SARIF 2.1.0, as code-scanning services read it: one run whose driver lists a rule (id, short description, help,
 * default level) per code, and one result per diagnostic with its file (relative to the base directory, under
 * {@code %SRCROOT%}), start line and start column.
 */
final class SarifReporter implements Reporter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String SRCROOT = "%SRCROOT%";

    @Override
    public String render(Report report) {
        ObjectNode root = JsonReporter.MAPPER.createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.tool());
        driver.put("version", report.toolVersion());
        Map<String, Integer> ruleIndex = new LinkedHashMap<>();
        ArrayNode rules = driver.putArray("rules");
        Map<String, Report.CodeInfo> described = new LinkedHashMap<>();
        report.codes().forEach(c -> described.put(c.id(), c));
        for (Diagnostic d : report.diagnostics()) {
            described.putIfAbsent(d.code(), new Report.CodeInfo(d.code(), d.code(), "", d.severity()));
        }
        for (Report.CodeInfo c : described.values()) {
            ruleIndex.put(c.id(), rules.size());
            ObjectNode r = rules.addObject();
            r.put("id", c.id());
            r.putObject("shortDescription").put("text", c.shortDescription());
            if (!c.help().isEmpty()) {
                r.putObject("help").put("text", c.help());
            }
            r.putObject("defaultConfiguration").put("level", level(c.defaultSeverity()));
        }
        ArrayNode results = run.putArray("results");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode res = results.addObject();
            res.put("ruleId", d.code());
            res.put("ruleIndex", ruleIndex.get(d.code()));
            res.put("level", level(d.severity()));
            res.putObject("message").put("text", d.hint().isEmpty() ? d.message()
                    : d.message() + " (" + d.hint() + ")");
            ObjectNode phys = res.putArray("locations").addObject().putObject("physicalLocation");
            ObjectNode artifact = phys.putObject("artifactLocation");
            String path = report.displayPath(d.pos().file());
            if (Path.of(path).isAbsolute()) {
                artifact.put("uri", Path.of(path).toUri().toString());
            } else {
                artifact.put("uri", relativeUri(path));
                artifact.put("uriBaseId", SRCROOT);
            }
            ObjectNode region = phys.putObject("region");
            region.put("startLine", d.pos().line());
            region.put("startColumn", d.pos().column());
        }
        run.put("columnKind", "unicodeCodePoints");
        return JsonReporter.write(root);
    }

    /** A relative path as a URI reference: segments percent-encoded, slashes kept. */
    static String relativeUri(String path) {
        try {
            return new URI(null, null, path, null).toASCIIString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot encode path " + path, e);
        }
    }

    static String level(Severity s) {
        return switch (s) {
            case ERROR -> "error";
            case WARNING -> "warning";
            case NOTE -> "note";
        };
    }
}
