package dev.rulec.lint;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ChecksRegistryTest {

    @Test
    void tableIsAlphabeticalByIdWithUniqueKebabCaseIds() {
        List<String> ids = Checks.all().stream().map(Check::id).toList();
        List<String> sorted = new ArrayList<>(ids);
        sorted.sort(null);
        assertEquals(sorted, ids);
        assertEquals(ids.size(), new HashSet<>(ids).size(), "ids are unique");
        ids.forEach(id -> assertTrue(id.matches("[a-z][a-z0-9]*(-[a-z0-9]+)*"), id));
    }

    @Test
    void everyCheckHasItsOwnTestClass() {
        List<String> missing = new ArrayList<>();
        for (Check c : Checks.all()) {
            String test = c.getClass().getName() + "Test";
            try {
                Class.forName(test);
            } catch (ClassNotFoundException e) {
                missing.add(test);
            }
        }
        assertEquals(List.of(), missing, "checks without a test class");
    }

    @Test
    void everyRationaleIsOneSentenceOnOneLine() {
        Set<String> bad = new HashSet<>();
        for (Check c : Checks.all()) {
            String r = c.rationale();
            if (r.isBlank() || r.contains("\n") || !r.endsWith(".") || r.length() > 120) {
                bad.add(c.id() + ": " + r);
            }
        }
        assertEquals(Set.of(), bad);
    }
}
