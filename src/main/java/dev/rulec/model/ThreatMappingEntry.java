package dev.rulec.model;

/** One field pair of an indicator-match mapping; entries of a group are ANDed, groups ORed. */
public record ThreatMappingEntry(String field, String type, String value) {
}
