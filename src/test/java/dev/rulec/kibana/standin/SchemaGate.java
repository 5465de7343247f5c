package dev.rulec.kibana.standin;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.Response;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.MessageResolver;
import com.atlassian.oai.validator.report.ValidationReport;
import com.atlassian.oai.validator.schema.SchemaValidator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Discriminator;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Kibana's published OpenAPI schema, applied by a real validator (Atlassian swagger-request-validator) to every request
 * the stand-in receives and every response it sends. Loaded once per JVM (the schema has 12,000 lines).
 *
 * <p>Three deliberate settings, each because the schema says so rather than to let anything through:
 * <ul>
 * <li>{@code additionalProperties} is not assumed {@code false} (the validator's default): Kibana's rule schemas are
 * {@code allOf} compositions, which no object could satisfy under that assumption; where Kibana means it, the schema
 * says {@code additionalProperties: false} and that is still enforced.</li>
 * <li>{@code RuleSource}'s discriminator gets the mapping {@code internal}/{@code external} that its two branches' enums
 * state; without one, OpenAPI's implicit mapping would expect schema names as values, which Kibana never sends.</li>
 * <li>The schema declares only 200 answers; error answers are checked against its error components instead.</li>
 * </ul>
 * Arrays of rules inside a response are checked item by item against the schema their {@code type} discriminator maps
 * to (what the {@code anyOf} plus discriminator requires), with results memoized by content: validating a page of 1,000
 * rules through the {@code anyOf} takes a minute on this machine, and the same stored rule is served many times.
 */
final class SchemaGate {
    private static final LevelResolver LEVELS = LevelResolver.create()
            .withLevel("validation.schema.additionalProperties", ValidationReport.Level.IGNORE)
            .withLevel("validation.response.status.unknown", ValidationReport.Level.IGNORE).build();
    private static final Map<Path, SchemaGate.Loaded> CACHE = new ConcurrentHashMap<>();

    private record Loaded(OpenAPI model, OpenApiInteractionValidator validator, SchemaValidator components,
                          Map<String, List<String>> memo) {
    }

    private final Loaded detections;
    private final OpenApiInteractionValidator status;
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());

    SchemaGate(Path detectionsSchema) {
        this.detections = CACHE.computeIfAbsent(detectionsSchema, SchemaGate::load);
        this.status = OpenApiInteractionValidator.createForSpecificationUrl(
                SchemaGate.class.getResource("/kibana/status-api.yaml").toString()).withLevelResolver(LEVELS).build();
    }

    private static Loaded load(Path schema) {
        ParseOptions o = new ParseOptions();
        o.setResolve(true);
        // Inline every $ref: the validator otherwise parses $ref'd query parameters (sort_field) as JSON.
        o.setResolveFully(true);
        // ...but keep combinators as written: merging them turns the string-or-array oneOf of machine_learning_job_id
        // into an object and rejects every valid ML rule.
        o.setResolveCombinators(false);
        OpenAPI model = new OpenAPIV3Parser().read(schema.toUri().toString(), null, o);
        if (model == null) {
            throw new IllegalStateException("cannot parse " + schema);
        }
        Discriminator source = model.getComponents().getSchemas().get("RuleSource").getDiscriminator();
        if (source.getMapping() == null || source.getMapping().isEmpty()) {
            source.mapping("internal", "#/components/schemas/InternalRuleSource")
                    .mapping("external", "#/components/schemas/ExternalRuleSource");
        }
        return new Loaded(model, OpenApiInteractionValidator.createFor(model).withLevelResolver(LEVELS).build(),
                new SchemaValidator(model, new MessageResolver(LEVELS)), new ConcurrentHashMap<>());
    }

    /** Problems of a request; empty when it conforms. Recorded as violations too. */
    List<String> request(Request r) {
        return record("request " + r.getMethod() + " " + r.getPath(), messages(validator(r.getPath()).validateRequest(r)));
    }

    /**
     * Problems of a 2xx JSON response; recorded. {@code ruleArrays}: JSON pointers of rule arrays in the body (checked
     * item by item, see the class comment); the rest of the body goes through the operation's response schema.
     */
    List<String> response(Request r, int status, ObjectNode body, List<String> ruleArrays) {
        ObjectNode envelope = body.deepCopy();
        List<String> problems = new ArrayList<>();
        for (String pointer : ruleArrays) {
            JsonNode items = body.at(pointer);
            if (items.isMissingNode()) {
                continue;
            }
            ((ArrayNode) envelope.at(pointer)).removeAll();
            int i = 0;
            for (JsonNode item : items) {
                for (String p : rule(item, "RuleResponse")) {
                    problems.add(pointer + "/" + i + ": " + p);
                }
                i++;
            }
        }
        Response resp = SimpleResponse.Builder.status(status).withContentType("application/json")
                .withBody(envelope.toString()).build();
        problems.addAll(messages(validator(r.getPath()).validateResponse(r.getPath(), r.getMethod(), resp)));
        return record("response " + status + " to " + r.getMethod() + " " + r.getPath(), problems);
    }

    /** Problems of an error body against one of the schema's error components (PlatformErrorResponse, SiemErrorResponse). */
    List<String> errorBody(String what, String json, String component) {
        return record(what, messages(detections.components().validate(json, component(component), "response.body")));
    }

    /**
     * Problems of one rule against the schema its {@code type} maps to in {@code union} ({@code RuleCreateProps},
     * {@code RuleResponse}); not recorded: the stand-in answers a bad imported rule with a per-rule error, as Kibana does.
     */
    List<String> rule(JsonNode rule, String union) {
        String key = union + "\u0000" + rule;
        return detections.memo().computeIfAbsent(key, k -> {
            Map<String, String> mapping = component(union).getDiscriminator().getMapping();
            String ref = mapping.get(rule.path("type").asText(""));
            if (ref == null) {
                return List.of("unknown rule type [" + rule.path("type").asText("") + "], expected one of " + mapping.keySet());
            }
            return messages(detections.components().validate(rule.toString(),
                    component(ref.substring(ref.lastIndexOf('/') + 1)), "body"));
        });
    }

    List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    private Schema<?> component(String name) {
        return Optional.ofNullable(detections.model().getComponents().getSchemas().get(name))
                .orElseThrow(() -> new IllegalArgumentException("no component " + name + " in the schema"));
    }

    private OpenApiInteractionValidator validator(String path) {
        return path.equals("/api/status") ? status : detections.validator();
    }

    private List<String> record(String what, List<String> problems) {
        problems.forEach(s -> violations.add(what + ": " + s));
        return problems;
    }

    private static List<String> messages(ValidationReport report) {
        List<String> out = new ArrayList<>();
        for (ValidationReport.Message m : report.getMessages()) {
            if (m.getLevel() == ValidationReport.Level.ERROR) {
                out.add(m.getKey() + ": " + m.getMessage() + detail(m.getNestedMessages(), 0));
            }
        }
        return out;
    }

    // Nested reasons, flattened and capped: the interesting part of an anyOf failure is one level down.
    private static String detail(List<ValidationReport.Message> nested, int depth) {
        if (nested.isEmpty() || depth > 2) {
            return "";
        }
        StringBuilder sb = new StringBuilder(" [");
        int n = 0;
        for (ValidationReport.Message m : nested) {
            if (n++ == 4) {
                sb.append("…");
                break;
            }
            sb.append(m.getMessage()).append(detail(m.getNestedMessages(), depth + 1)).append("; ");
        }
        return sb.append(']').toString();
    }
}
