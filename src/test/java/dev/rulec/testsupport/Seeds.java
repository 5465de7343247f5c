package dev.rulec.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The seed documents of ../shared/seeds, read at test time (never copied into the project). Seed 003 is a Sigma rule
 * captured from a web page that lost its indentation; {@link #sigma003()} restores the YAML structure and writes it
 * under target/, skipping the test when shared/ is absent.
 */
public final class Seeds {

    private static final Set<String> TOP = Set.of("title", "id", "status", "description", "references", "author",
            "date", "modified", "tags", "logsource", "detection", "falsepositives", "level", "fields");
    private static final Set<String> DETECTION_ITEMS = Set.of("selection", "filter_expected_services",
            "filter_replication", "condition");

    private Seeds() {
    }

    public static Path sigma003() {
        Path seed = SharedFiles.require("seeds/003_d5f204f40032d44c.txt");
        try {
            List<String> page = Files.readAllLines(seed);
            int start = page.indexOf("title: AWS API Calls from Unusual Geographic Region");
            List<String> out = new ArrayList<>();
            String top = "";
            String item = "";
            for (String line : page.subList(start, page.size())) {
                if (line.startsWith("# Tuning")) {
                    break;
                }
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String key = line.contains(":") ? line.substring(0, line.indexOf(':')) : "";
                if (TOP.contains(key)) {
                    top = key;
                    item = "";
                    out.add(line);
                } else if (line.startsWith("- ")) {
                    out.add((top.equals("detection") ? "      " : "  ") + line);
                } else if (top.equals("detection") && DETECTION_ITEMS.contains(key)) {
                    item = key;
                    out.add("  " + line);
                } else if (top.equals("detection") && !item.isEmpty()) {
                    out.add("    " + line);
                } else {
                    out.add("  " + line); // logsource keys and the description's continuation lines
                }
            }
            Path restored = Path.of("target/seeds/seed-003-aws-unusual-region.yml");
            Files.createDirectories(restored.getParent());
            Files.write(restored, out);
            return restored.toAbsolutePath();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
