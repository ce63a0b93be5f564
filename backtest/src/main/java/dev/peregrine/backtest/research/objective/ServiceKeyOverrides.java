package dev.peregrine.backtest.research.objective;

import dev.peregrine.backtest.cli.RecordOverrides;
import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.research.search.ParameterAssignment;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns an assignment of the services' property keys into a backtest configuration: {@code peregrine.signal.X}
 * sets the engine's {@code signal.X} (signal-service's chain settings), {@code peregrine.risk.X} its {@code risk.X}
 * ({@code RiskProperties}), through the same record overrides as the backtest's configuration file. A parameter
 * the engine cannot apply (a {@code research.*} key: the seed's thresholds signal-service has no setting for) is
 * refused rather than silently ignored, so no search result claims to have judged it.
 */
public final class ServiceKeyOverrides {

    private static final Map<String, String> SECTIONS =
            Map.of("peregrine.signal.", "signal", "peregrine.risk.", "risk");

    private ServiceKeyOverrides() {}

    public static BacktestConfig apply(BacktestConfig base, ParameterAssignment assignment) {
        Map<String, Object> tree = new LinkedHashMap<>();
        assignment.values().forEach((name, value) -> put(tree, path(name), value));
        return tree.isEmpty() ? base : RecordOverrides.apply(base, tree);
    }

    private static List<String> path(String name) {
        for (Map.Entry<String, String> section : SECTIONS.entrySet()) {
            if (name.startsWith(section.getKey())) {
                String rest = name.substring(section.getKey().length());
                List<String> path = new java.util.ArrayList<>(List.of(rest.split("\\.")));
                path.addFirst(section.getValue());
                return path;
            }
        }
        throw new IllegalArgumentException("the backtest engine cannot apply parameter " + name
                + ": only peregrine.signal.* and peregrine.risk.* keys reach the services' code (a research.* key "
                + "has no service setting yet)");
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> tree, List<String> path, Object value) {
        Map<String, Object> node = tree;
        for (String key : path.subList(0, path.size() - 1)) {
            node = (Map<String, Object>) node.computeIfAbsent(key, k -> new LinkedHashMap<String, Object>());
        }
        node.put(path.getLast(), value instanceof BigDecimal decimal ? decimal.toPlainString() : value);
    }
}
