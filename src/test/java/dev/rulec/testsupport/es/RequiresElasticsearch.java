package dev.rulec.testsupport.es;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test class that runs against the run's Elasticsearch node; test methods may take an {@link EsNode}. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(ElasticsearchExtension.class)
@Tag("elasticsearch")
public @interface RequiresElasticsearch {
}
