package dev.rulec.kibana;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Kibana's answers read into records, in one place, by the shapes Kibana's OpenAPI schema documents
 * ({@code FindRulesResponse}, {@code ImportRulesResponse} with {@code ErrorSchema}, {@code BulkEditActionResponse}
 * with {@code NormalizedRuleError}, {@code PlatformErrorResponse} and {@code SiemErrorResponse}). An answer without
 * the documented shape is a {@link KibanaException} of kind {@code MALFORMED_RESPONSE} naming the call and the member
 * that is missing or of the wrong type, rather than a rule quietly read as having no id.
 */
final class KibanaResponses {
    private KibanaResponses() {
    }

    /** One page of {@code GET …/rules/_find}. */
    record FindPage(int total, List<KibanaRule> data) {
        FindPage {
            data = List.copyOf(data);
        }
    }

    /** {@code GET /api/status}: the version Kibana reports. */
    static KibanaVersion status(String call, JsonNode body, String url) {
        JsonNode number = body.path("version").path("number");
        if (!number.isTextual() || number.asText().isEmpty()) {
            throw new KibanaException(KibanaException.Kind.VERSION_MISMATCH, call + " did not report a version: is "
                    + url + " a Kibana?");
        }
        try {
            return KibanaVersion.parse(number.asText());
        } catch (IllegalArgumentException e) {
            throw malformed(call, "version.number", e.getMessage());
        }
    }

    static FindPage findPage(String call, JsonNode body) {
        Reader r = new Reader(call);
        int total = r.count(body, "total");
        List<KibanaRule> rules = new ArrayList<>();
        JsonNode data = r.array(body, "data");
        for (int i = 0; i < data.size(); i++) {
            rules.add(rule(r, data.get(i), "data[" + i + "]"));
        }
        return new FindPage(total, rules);
    }

    /** {@code POST …/rules/_import}: the rules written and the per-rule errors ({@code ErrorSchema}). */
    static ImportResult importResult(String call, JsonNode body, KibanaTransport scrubber) {
        Reader r = new Reader(call);
        int success = r.count(body, "success_count");
        List<RuleError> errors = new ArrayList<>();
        JsonNode list = r.array(body, "errors");
        for (int i = 0; i < list.size(); i++) {
            String at = "errors[" + i + "]";
            JsonNode error = r.object(list.get(i), "error", at);
            Optional<String> ruleId = r.optionalText(list.get(i), "rule_id", at)
                    .filter(id -> !id.isEmpty() && !id.equals("(unknown id)"));
            errors.add(new RuleError(ruleId, r.count(error, "status_code", at + ".error"),
                    scrubber.scrub(r.text(error, "message", at + ".error"))));
        }
        return new ImportResult(success, errors);
    }

    /**
     * {@code POST …/rules/_bulk_action} delete: the per-rule errors ({@code NormalizedRuleError}, one per rule it
     * names, by Kibana id), without those for rules already gone (404).
     */
    static List<RuleError> bulkDelete(String call, JsonNode body, KibanaTransport scrubber) {
        Reader r = new Reader(call);
        JsonNode attributes = r.object(body, "attributes", "");
        List<RuleError> out = new ArrayList<>();
        JsonNode errors = attributes.path("errors");
        if (errors.isMissingNode()) {
            return out;
        }
        if (!errors.isArray()) {
            throw malformed(call, "attributes.errors", "is not an array");
        }
        for (int i = 0; i < errors.size(); i++) {
            String at = "attributes.errors[" + i + "]";
            JsonNode e = errors.get(i);
            int status = r.count(e, "status_code", at);
            String message = scrubber.scrub(r.text(e, "message", at));
            JsonNode rules = r.array(e, "rules", at);
            for (int j = 0; j < rules.size(); j++) {
                String id = r.id(rules.get(j), "id", at + ".rules[" + j + "]");
                if (status != 404) {
                    out.add(new RuleError(Optional.of(id), status, message));
                }
            }
        }
        return out;
    }

    /**
     * The message of an error answer ({@code PlatformErrorResponse} or {@code SiemErrorResponse}); a body that is
     * neither (a proxy's page) is shown shortened, as it came.
     */
    static String errorMessage(String body, JsonNode parsed) {
        if (parsed.path("message").isTextual() && !parsed.path("message").asText().isEmpty()) {
            return parsed.path("message").asText();
        }
        if (parsed.path("error").isTextual()) {
            return parsed.path("error").asText();
        }
        if (parsed.isContainerNode() || body.isBlank()) {
            return "";
        }
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }

    /**
     * Whether a 400's message is Kibana's versioned router refusing the {@code elastic-api-version} rulec sent, by the
     * router's own messages (Kibana's {@code core_versioned_route.ts} and {@code route_version_utils.ts}): a version
     * the route does not serve, a version that is not a date, or none at all. Any other 400 is about the request, even
     * when it names a field called "version" (a rule's {@code version}), so it is not read from the word alone.
     */
    static boolean isApiVersionRefusal(String message) {
        return message.startsWith("No version \"") && message.contains("\" available for [")
                || message.startsWith("Invalid version. Received \"")
                || message.startsWith("Invalid version number. Received \"")
                || message.startsWith("Please specify a version via elastic-api-version header");
    }

    private static KibanaRule rule(Reader r, JsonNode n, String at) {
        if (!(n instanceof ObjectNode o)) {
            throw malformed(r.call, at, "is not an object");
        }
        List<String> tags = new ArrayList<>();
        JsonNode t = o.path("tags");
        if (!t.isMissingNode()) {
            JsonNode arr = r.array(o, "tags", at);
            for (int i = 0; i < arr.size(); i++) {
                if (!arr.get(i).isTextual()) {
                    throw malformed(r.call, at + ".tags[" + i + "]", "is not a string");
                }
                tags.add(arr.get(i).asText());
            }
        }
        return new KibanaRule(r.id(o, "id", at), r.id(o, "rule_id", at), tags, o);
    }

    private static KibanaException malformed(String call, String member, String problem) {
        return new KibanaException(KibanaException.Kind.MALFORMED_RESPONSE, call + ": Kibana's answer does not have "
                + "the shape its API documents: " + (member.isEmpty() ? "the body" : member) + " " + problem
                + " (is the URL Kibana's, not a proxy's, and Kibana 8.0 or later?)");
    }

    /** Reads required members, naming the member's place in the answer when it is missing or mistyped. */
    private static final class Reader {
        private final String call;

        Reader(String call) {
            this.call = call;
        }

        private static String place(String at, String name) {
            return at.isEmpty() ? name : at + "." + name;
        }

        JsonNode object(JsonNode n, String name, String at) {
            return member(n, name, at, JsonNode::isObject, "an object");
        }

        JsonNode array(JsonNode n, String name) {
            return array(n, name, "");
        }

        JsonNode array(JsonNode n, String name, String at) {
            return member(n, name, at, JsonNode::isArray, "an array");
        }

        private JsonNode member(JsonNode n, String name, String at, Predicate<JsonNode> fits, String what) {
            JsonNode v = n.path(name);
            if (!fits.test(v)) {
                throw malformed(call, place(at, name), v.isMissingNode() ? "is missing" : "is not " + what);
            }
            return v;
        }

        int count(JsonNode n, String name) {
            return count(n, name, "");
        }

        int count(JsonNode n, String name, String at) {
            return member(n, name, at, v -> v.isIntegralNumber() && v.canConvertToInt() && v.asInt() >= 0,
                    "a whole number").asInt();
        }

        String text(JsonNode n, String name, String at) {
            return member(n, name, at, JsonNode::isTextual, "a string").asText();
        }

        String id(JsonNode n, String name, String at) {
            String v = text(n, name, at);
            if (v.isEmpty()) {
                throw malformed(call, place(at, name), "is empty");
            }
            return v;
        }

        Optional<String> optionalText(JsonNode n, String name, String at) {
            JsonNode v = n.path(name);
            if (v.isMissingNode() || v.isNull()) {
                return Optional.empty();
            }
            if (!v.isTextual()) {
                throw malformed(call, place(at, name), "is not a string");
            }
            return Optional.of(v.asText());
        }
    }
}
