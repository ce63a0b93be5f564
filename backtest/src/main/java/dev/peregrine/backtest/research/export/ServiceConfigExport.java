package dev.peregrine.backtest.research.export;

import dev.peregrine.backtest.research.search.ParameterAssignment;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Writes a chosen assignment as the services' configuration. Parameters named {@code peregrine.*} are property keys
 * and are written as such; any other parameter has no service key and is written as a comment, so the snippet
 * never sets a key the services would ignore or reject, and the reader sees what it cannot carry.
 */
public final class ServiceConfigExport {

    private static final String SERVICE_PREFIX = "peregrine.";

    private ServiceConfigExport() {}

    /** {@code key=value} lines, sorted by key, research-only parameters as comments at the end. */
    public static String properties(ParameterAssignment assignment, String header) {
        StringBuilder out = new StringBuilder("# ").append(header).append('\n');
        new TreeMap<>(serviceKeys(assignment))
                .forEach((k, v) -> out.append(k).append('=').append(v).append('\n'));
        appendUnmapped(out, assignment);
        return out.toString();
    }

    /** Nested YAML (two-space indent) of the service keys, research-only parameters as comments at the end. */
    public static String yaml(ParameterAssignment assignment, String header) {
        StringBuilder out = new StringBuilder("# ").append(header).append('\n');
        List<String> previous = List.of();
        for (Map.Entry<String, String> entry : new TreeMap<>(serviceKeys(assignment)).entrySet()) {
            List<String> path = List.of(entry.getKey().split("\\."));
            int common = 0;
            while (common < previous.size() - 1
                    && common < path.size() - 1
                    && previous.get(common).equals(path.get(common))) {
                common++;
            }
            for (int depth = common; depth < path.size() - 1; depth++) {
                out.append("  ".repeat(depth)).append(path.get(depth)).append(":\n");
            }
            out.append("  ".repeat(path.size() - 1))
                    .append(path.getLast())
                    .append(": ")
                    .append(entry.getValue())
                    .append('\n');
            previous = path;
        }
        appendUnmapped(out, assignment);
        return out.toString();
    }

    private static Map<String, String> serviceKeys(ParameterAssignment assignment) {
        Map<String, String> keys = new TreeMap<>();
        assignment.values().forEach((name, value) -> {
            if (name.startsWith(SERVICE_PREFIX)) {
                keys.put(name, format(value));
            }
        });
        return keys;
    }

    private static void appendUnmapped(StringBuilder out, ParameterAssignment assignment) {
        List<String> unmapped = new ArrayList<>();
        assignment.values().forEach((name, value) -> {
            if (!name.startsWith(SERVICE_PREFIX)) {
                unmapped.add("#   " + name + " = " + format(value));
            }
        });
        if (!unmapped.isEmpty()) {
            out.append("# Chosen, but no service has a property for these yet (backtest-only):\n");
            unmapped.forEach(line -> out.append(line).append('\n'));
        }
    }

    private static String format(Object value) {
        return value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    }
}
