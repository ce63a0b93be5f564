package dev.peregrine.backtest.report;

import java.util.List;
import java.util.stream.Collectors;

/** RFC 4180 lines: a field with a comma, a quote or a line break is quoted, its quotes doubled. */
final class Csv {

    private Csv() {}

    static String line(List<String> fields) {
        return fields.stream().map(Csv::field).collect(Collectors.joining(",")) + "\n";
    }

    static String field(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }
}
