package dev.rulec.cli;

import dev.rulec.kibana.Json;
import dev.rulec.kibana.PayloadBuilder;
import dev.rulec.model.Rule;
import dev.rulec.source.toml.TomlRuleWriter;

import java.util.List;
import java.util.stream.Collectors;

/** How compiled rules are written: Kibana NDJSON (ready for {@code _import}), pretty JSON, or detection-rules TOML. */
public enum OutputFormat {
    NDJSON("ndjson"), JSON("json"), TOML("toml");

    private final String extension;

    OutputFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    /** One rule, as the content of its own file. */
    public String one(Rule rule) {
        return switch (this) {
            case NDJSON -> Json.compact(PayloadBuilder.build(rule)) + "\n";
            case JSON -> Json.pretty(PayloadBuilder.build(rule));
            case TOML -> TomlRuleWriter.write(rule);
        };
    }

    /** Several rules, as one stream. */
    public String all(List<Rule> rules) {
        return switch (this) {
            case NDJSON -> rules.stream().map(this::one).collect(Collectors.joining());
            case JSON -> {
                var arr = dev.rulec.kibana.Json.MAPPER.createArrayNode();
                rules.forEach(r -> arr.add(PayloadBuilder.build(r)));
                yield Json.pretty(arr);
            }
            case TOML -> rules.stream().map(r -> "# rule: " + r.name().replace('\n', ' ') + "\n" + one(r))
                    .collect(Collectors.joining("\n"));
        };
    }
}
