package dev.rulec.source.sigma;

/** ES|QL field names in the STATS part of correlation queries: backticks unless plainly an identifier. */
final class EsqlNames {
    private static final java.util.regex.Pattern PLAIN = java.util.regex.Pattern.compile("[A-Za-z_@][A-Za-z0-9_.]*");

    private EsqlNames() {
    }

    static String quote(String field) {
        return PLAIN.matcher(field).matches() ? field : "`" + field.replace("`", "``") + "`";
    }
}
