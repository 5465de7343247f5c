package dev.rulec.schema;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.FieldCapsResponse;
import co.elastic.clients.elasticsearch.core.field_caps.FieldCapability;
import co.elastic.clients.json.jackson.JacksonJsonpMapper;
import co.elastic.clients.transport.rest_client.RestClientTransport;
import org.apache.http.Header;
import org.apache.http.HttpHost;
import org.apache.http.message.BasicHeader;
import org.elasticsearch.client.RestClient;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A live cluster's mapped fields, from {@code GET <patterns>/_field_caps?fields=*} through the Java client. */
final class FieldCapsReader {
    private FieldCapsReader() {
    }

    static Schema read(String url, List<String> indexPatterns, Optional<String> authorization)
            throws SchemaUnavailableException {
        HttpHost host;
        try {
            host = HttpHost.create(url);
        } catch (IllegalArgumentException e) {
            throw new SchemaUnavailableException("not an Elasticsearch URL: " + url, e);
        }
        Header[] headers = authorization.map(a -> new Header[] {new BasicHeader("Authorization", a)})
                .orElse(new Header[0]);
        try (RestClient rest = RestClient.builder(host).setDefaultHeaders(headers).build();
             RestClientTransport transport = new RestClientTransport(rest, new JacksonJsonpMapper())) {
            ElasticsearchClient client = new ElasticsearchClient(transport);
            FieldCapsResponse resp = client.fieldCaps(r -> r
                    .index(indexPatterns.isEmpty() ? List.of("*") : indexPatterns)
                    .fields("*")
                    .ignoreUnavailable(true)
                    .allowNoIndices(true));
            return of(resp, "_field_caps of " + String.join(",", indexPatterns) + " at " + url);
        } catch (IOException | RuntimeException e) {
            throw new SchemaUnavailableException("cannot read _field_caps from " + url + ": " + e.getMessage(), e);
        }
    }

    /** The schema a {@code _field_caps} answer describes; a field mapped with several types has type {@code conflict}. */
    static Schema of(FieldCapsResponse resp, String description) {
        Map<String, FieldInfo> fields = new LinkedHashMap<>();
        for (Map.Entry<String, Map<String, FieldCapability>> e : resp.fields().entrySet()) {
            Map<String, FieldCapability> byType = e.getValue();
            String type = byType.size() == 1 ? byType.keySet().iterator().next() : TableSchema.CONFLICT;
            fields.put(e.getKey(), FieldInfo.of(e.getKey(), type));
        }
        return new TableSchema(fields, description, false);
    }
}
