package dev.rulec.diag.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostic;
import dev.rulec.diag.Severity;

/**
 * {@code {"tool", "version", "diagnostics": [{file, line, column, severity, code, message, hint}], "summary"}}, with
 * file paths as {@link Report#displayPath} writes them.
 */
final class JsonReporter implements Reporter {

    static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    @Override
    public String render(Report report) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("tool", report.tool());
        root.put("version", report.toolVersion());
        ArrayNode items = root.putArray("diagnostics");
        for (Diagnostic d : report.diagnostics()) {
            ObjectNode o = items.addObject();
            o.put("file", report.displayPath(d.pos().file()));
            o.put("line", d.pos().line());
            o.put("column", d.pos().column());
            o.put("severity", d.severity().label());
            o.put("code", d.code());
            o.put("message", d.message());
            o.put("hint", d.hint());
        }
        ObjectNode summary = root.putObject("summary");
        summary.put("files", report.files().size());
        summary.put("errors", report.count(Severity.ERROR));
        summary.put("warnings", report.count(Severity.WARNING));
        summary.put("notes", report.count(Severity.NOTE));
        summary.put("failLevel", report.failLevel().label());
        summary.put("failed", report.diagnostics().stream().anyMatch(report::fails));
        return write(root);
    }

    static String write(ObjectNode root) {
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("JSON tree could not be written", e);
        }
    }
}
