package dev.rulec.kibana;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A 400 is a version mismatch only when it is Kibana's versioned router refusing the API version rulec sent. */
class ApiVersionRefusalTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "No version \"2023-10-31\" available for [post] [/api/detection_engine/rules/_import]. Available versions "
                    + "are: [2024-05-01]",
            "Invalid version. Received \"2023-13-45\", expected a valid date string formatted as YYYY-MM-DD.",
            "Invalid version number. Received \"0\", expected a string containing _only_ a finite, whole number "
                    + "greater than 0.",
            "Please specify a version via elastic-api-version header. Available versions: [2023-10-31]"})
    void theVersionedRoutersRefusalsAreVersionMismatches(String message) {
        assertTrue(KibanaResponses.isApiVersionRefusal(message), message);
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[request body]: version: Expected number, received string",
            "version: Number must be greater than or equal to 1",
            "rule_id: \"x\" already exists; bump its version",
            "Request must contain a kbn-xsrf header.",
            ""})
    void otherBadRequestsAreNotEvenWhenTheyMentionAVersion(String message) {
        assertFalse(KibanaResponses.isApiVersionRefusal(message), message);
    }
}
