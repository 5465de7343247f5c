package dev.rulec.testsupport;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.report.LevelResolver;
import com.atlassian.oai.validator.report.ValidationReport;

import java.nio.file.Path;
import java.util.List;

/**
 * Kibana's published OpenAPI schema of the detections API (../shared/kibana), checked by a real OpenAPI validator.
 * Tests that use it skip when shared/ is absent.
 */
public final class KibanaApiSchema {

    private static OpenApiInteractionValidator validator;

    private KibanaApiSchema() {
    }

    public static synchronized OpenApiInteractionValidator validator() {
        if (validator == null) {
            Path spec = SharedFiles.require("kibana/detections-api.schema.yaml");
            validator = OpenApiInteractionValidator.createForSpecificationUrl(spec.toUri().toString())
                    // Merge allOf parts before validating: the validator otherwise treats each part as closed to the
                    // properties of the others (its additionalProperties default), and rejects every rule.
                    .withResolveCombinators(true)
                    // Authentication is the transport's business, not the payload's.
                    .withLevelResolver(LevelResolver.create()
                            .withLevel("validation.request.security.missing", ValidationReport.Level.IGNORE)
                            .build())
                    .build();
        }
        return validator;
    }

    /** The validator's messages for a create-rule request with this JSON body; empty when valid. */
    public static List<String> createRuleProblems(String jsonBody) {
        SimpleRequest req = SimpleRequest.Builder.post("/api/detection_engine/rules")
                .withContentType("application/json")
                .withHeader("kbn-xsrf", "true")
                .withHeader("elastic-api-version", "2023-10-31")
                .withBody(jsonBody)
                .build();
        return validator().validateRequest(req).getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .map(m -> m.getKey() + ": " + m.getMessage() + m.getNestedMessages().stream()
                        .map(n -> " / " + n.getMessage()).reduce("", String::concat))
                .toList();
    }
}
