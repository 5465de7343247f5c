package dev.rulec.check;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;

class AccessRefusalTest {
    private static final String WHERE = "POST /_query at https://es.example:9200";

    @Test
    void aRefusedIndexActionNamesTheActionTheIndicesAndThePrivilegesThatGrantIt() {
        assertEquals(Optional.of(WHERE + ": Elasticsearch answered 403 Forbidden: user [ro] may not run "
                        + "[indices:data/read/esql] on [logs-a] (grant one of the index privileges [read, all] on [logs-a])"),
                AccessRefusal.message(WHERE, 403, "[security_exception]: action [indices:data/read/esql] is unauthorized "
                        + "for user [ro] with effective roles [ro_role] on indices [logs-a], this action is granted by "
                        + "the index privileges [read,all]"));
    }

    @Test
    void anApiKeyAndAClusterPrivilegeAreNamedAsElasticsearchNamesThem() {
        assertEquals(Optional.of(WHERE + ": Elasticsearch answered 403 Forbidden: API key id [k1] of user [svc] may "
                        + "not run [cluster:monitor/main] (grant one of the cluster privileges [monitor, manage, all])"),
                AccessRefusal.message(WHERE, 403, "action [cluster:monitor/main] is unauthorized for API key id [k1] of "
                        + "user [svc], this action is granted by the cluster privileges [monitor,manage,all]"));
    }

    @Test
    void anotherForbiddenReasonIsKeptAndOtherStatusesAreNotRefusals() {
        assertEquals(Optional.of(WHERE + ": Elasticsearch answered 403 Forbidden: the credentials lack a privilege: "
                + "blocked by a proxy"), AccessRefusal.message(WHERE, 403, "blocked by a proxy"));
        assertEquals(Optional.of(WHERE + ": Elasticsearch answered 401 Unauthorized: credentials are missing or wrong "
                        + "(set RULEC_ES_API_KEY, or RULEC_ES_USERNAME and RULEC_ES_PASSWORD): no credentials"),
                AccessRefusal.message(WHERE, 401, "no credentials"));
        assertEquals(Optional.empty(), AccessRefusal.message(WHERE, 400, "parsing_exception"));
    }
}
