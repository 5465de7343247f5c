package dev.rulec.ruletest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rulec.diag.Diagnostics;
import dev.rulec.diag.SourcePos;
import dev.rulec.model.Detection;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Finds rules and fixtures under the given paths, pairs them, runs each fixture on an engine and checks the
 * expectations. Files: {@code .toml} rules; {@code .yml}/{@code .yaml}/{@code .json} are fixtures when their top level
 * has {@code events}, Sigma rules otherwise.
 */
public final class RuleTestRunner {

    private final Engine engine;
    private final Instant now;

    public RuleTestRunner(Engine engine, Instant now) {
        this.engine = engine;
        this.now = now;
    }

    /** Rules and fixtures read from files. */
    public record Inputs(List<TestRule> rules, List<Fixture> fixtures) {
        public Inputs {
            rules = List.copyOf(rules);
            fixtures = List.copyOf(fixtures);
        }
    }

    public static Inputs read(List<Path> paths, Diagnostics diags) {
        List<TestRule> rules = new ArrayList<>();
        List<Fixture> fixtures = new ArrayList<>();
        for (Path f : expand(paths, diags)) {
            String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
            if (n.endsWith(".toml")) {
                rules.addAll(TestRules.loadToml(f, diags));
            } else if (FixtureReader.isFixture(f)) {
                FixtureReader.read(f, diags).ifPresent(fixtures::add);
            } else if (!n.endsWith(".json")) {
                rules.addAll(TestRules.loadSigma(f, diags));
            }
        }
        return new Inputs(rules, fixtures);
    }

    private static List<Path> expand(List<Path> paths, Diagnostics diags) {
        List<Path> out = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                try (Stream<Path> s = Files.walk(p)) {
                    s.filter(Files::isRegularFile).filter(RuleTestRunner::relevant).sorted().forEach(out::add);
                } catch (IOException e) {
                    diags.error("test.read", SourcePos.startOf(p.toString()), "cannot read the folder: " + e.getMessage(),
                            "");
                }
            } else if (Files.isRegularFile(p)) {
                out.add(p);
            } else {
                diags.error("test.missing", SourcePos.startOf(p.toString()), "no such file or folder",
                        "give rule files, fixture files or folders holding them");
            }
        }
        return out;
    }

    private static boolean relevant(Path p) {
        String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".toml") || n.endsWith(".yml") || n.endsWith(".yaml") || n.endsWith(".json");
    }

    public List<RuleResult> run(Inputs in) {
        Map<String, TestRule> byKey = new HashMap<>();
        for (TestRule r : in.rules()) {
            byKey.put(r.ruleId(), r);
            byKey.put(normalize(r.file()), r);
        }
        List<RuleResult> results = new ArrayList<>();
        java.util.Set<TestRule> tested = new java.util.HashSet<>();
        for (Fixture f : in.fixtures()) {
            TestRule r = byKey.get(f.rule());
            if (r == null) {
                r = byKey.get(normalize(f.rule()));
            }
            if (r == null) {
                results.add(new RuleResult(f.rule(), f.rule(), "", Optional.of(f.pos().file()),
                        RuleResult.Status.ERROR, List.of(f.pos() + ": no rule with id or path `" + f.rule()
                        + "` among the given paths (give the rule's folder too)"), Optional.empty(), 0, 0));
                continue;
            }
            tested.add(r);
            results.add(runOne(r, f));
        }
        for (TestRule r : in.rules()) {
            if (!tested.contains(r)) {
                String why = r.detection() instanceof Detection.MachineLearning ? "skipped: " + InProcessEngine.ML
                        : "no fixture";
                results.add(new RuleResult(r.ruleId(), r.name(), r.file(), Optional.empty(), RuleResult.Status.SKIP,
                        List.of(why), Optional.empty(), 0, 0));
            }
        }
        return results;
    }

    private static String normalize(String path) {
        return Path.of(path).toAbsolutePath().normalize().toString();
    }

    /** Builds the test case of a fixture: times resolved, a fresh index name. */
    public TestCase prepare(TestRule r, Fixture f) {
        Instant n = f.now().flatMap(s -> TimeMath.instant(s, now)).orElse(now);
        TimeResolver times = new TimeResolver(n);
        Instant from = TimeMath.instant(f.ruleFrom().orElse(r.from()), n).orElse(n.minusSeconds(360));
        Instant to = TimeMath.instant(f.ruleTo().orElse(r.to()), n).orElse(n);
        Optional<String> hist = f.historyWindowStart().or(() -> r.detection() instanceof Detection.NewTerms nt
                ? Optional.of(nt.historyWindowStart()) : Optional.empty());
        Optional<Instant> historyStart = hist.flatMap(h -> TimeMath.instant(h, n));
        List<ObjectNode> events = new ArrayList<>();
        for (Fixture.Event e : f.events()) {
            events.add((ObjectNode) times.resolve(e.doc()));
        }
        String suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return new TestCase(r, f, n, from, to, historyStart, events, IndexLayout.forRule(r, suffix));
    }

    public RuleResult runOne(TestRule r, Fixture f) {
        long start = System.nanoTime();
        TestCase tc = prepare(r, f);
        Outcome o = engine.run(tc);
        long ms = (System.nanoTime() - start) / 1_000_000;
        RuleResult.Status status;
        List<String> msgs = new ArrayList<>();
        if (o instanceof Outcome.Skipped s) {
            status = RuleResult.Status.SKIP;
            msgs.add("skipped: " + s.reason());
        } else if (o instanceof Outcome.Failed fl) {
            status = RuleResult.Status.ERROR;
            msgs.add(engine.description() + ": " + fl.message());
        } else {
            msgs.addAll(Expectations.check(tc, (Outcome.Alerts) o, new TimeResolver(tc.now())));
            status = msgs.isEmpty() ? RuleResult.Status.PASS : RuleResult.Status.FAIL;
        }
        return new RuleResult(r.ruleId(), r.name(), r.file(), Optional.of(f.pos().file()), status, msgs,
                Optional.of(o), ms, tc.events().size());
    }
}
