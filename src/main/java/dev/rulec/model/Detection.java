package dev.rulec.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** What a rule searches for and how it decides to alert: one record per Kibana rule type. */
public sealed interface Detection {

    /** Kibana's {@code type} value. */
    String typeName();

    record Query(QueryLanguage language, String query, Scope scope, Optional<String> savedId) implements Detection {
        public Query {
            Objects.requireNonNull(language, "language is null");
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(scope, "scope is null");
            Objects.requireNonNull(savedId, "savedId is null");
        }

        public String typeName() {
            return "query";
        }
    }

    record Eql(String query, Scope scope, Optional<String> eventCategoryOverride, Optional<String> tiebreakerField,
               Optional<String> timestampField) implements Detection {
        public Eql {
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(scope, "scope is null");
            Objects.requireNonNull(eventCategoryOverride, "eventCategoryOverride is null");
            Objects.requireNonNull(tiebreakerField, "tiebreakerField is null");
            Objects.requireNonNull(timestampField, "timestampField is null");
        }

        public String typeName() {
            return "eql";
        }
    }

    /** ES|QL rules carry their index in the query's FROM command. */
    record Esql(String query) implements Detection {
        public Esql {
            Objects.requireNonNull(query, "query is null");
        }

        public String typeName() {
            return "esql";
        }
    }

    /** Alert on the first time a value tuple of {@code fields} is seen since {@code historyWindowStart}. */
    record NewTerms(QueryLanguage language, String query, Scope scope, List<String> fields, String historyWindowStart)
            implements Detection {
        public NewTerms {
            Objects.requireNonNull(language, "language is null");
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(scope, "scope is null");
            fields = List.copyOf(fields);
            Objects.requireNonNull(historyWindowStart, "historyWindowStart is null");
        }

        public String typeName() {
            return "new_terms";
        }
    }

    record Threshold(QueryLanguage language, String query, Scope scope, ThresholdSpec threshold,
                     Optional<String> savedId) implements Detection {
        public Threshold {
            Objects.requireNonNull(language, "language is null");
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(scope, "scope is null");
            Objects.requireNonNull(threshold, "threshold is null");
            Objects.requireNonNull(savedId, "savedId is null");
        }

        public String typeName() {
            return "threshold";
        }
    }

    /** @param jobIdsAsList whether the source wrote the job id as a list (Kibana accepts both shapes) */
    record MachineLearning(List<String> jobIds, boolean jobIdsAsList, long anomalyThreshold) implements Detection {
        public MachineLearning {
            jobIds = List.copyOf(jobIds);
        }

        public String typeName() {
            return "machine_learning";
        }
    }

    record ThreatMatch(QueryLanguage language, String query, Scope scope, List<String> threatIndex,
                       String threatQuery, Optional<QueryLanguage> threatLanguage,
                       List<List<ThreatMappingEntry>> threatMapping, Value.Arr threatFilters,
                       Optional<String> threatIndicatorPath, OptionalLong concurrentSearches,
                       OptionalLong itemsPerSearch) implements Detection {
        public ThreatMatch {
            Objects.requireNonNull(language, "language is null");
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(scope, "scope is null");
            threatIndex = List.copyOf(threatIndex);
            Objects.requireNonNull(threatQuery, "threatQuery is null");
            Objects.requireNonNull(threatLanguage, "threatLanguage is null");
            threatMapping = threatMapping.stream().map(List::copyOf).toList();
            Objects.requireNonNull(threatFilters, "threatFilters is null");
            Objects.requireNonNull(threatIndicatorPath, "threatIndicatorPath is null");
            Objects.requireNonNull(concurrentSearches, "concurrentSearches is null");
            Objects.requireNonNull(itemsPerSearch, "itemsPerSearch is null");
        }

        public String typeName() {
            return "threat_match";
        }
    }

    /** A query stored in Kibana as a saved object; {@code query} is the optional fallback text. */
    record SavedQuery(String savedId, QueryLanguage language, Optional<String> query, Scope scope)
            implements Detection {
        public SavedQuery {
            Objects.requireNonNull(savedId, "savedId is null");
            Objects.requireNonNull(language, "language is null");
            Objects.requireNonNull(query, "query is null");
            Objects.requireNonNull(scope, "scope is null");
        }

        public String typeName() {
            return "saved_query";
        }
    }
}
