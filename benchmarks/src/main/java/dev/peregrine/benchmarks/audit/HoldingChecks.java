package dev.peregrine.benchmarks.audit;

import static dev.peregrine.benchmarks.audit.AuditAmounts.plain;

import dev.peregrine.benchmarks.audit.AuditData.Order;
import dev.peregrine.benchmarks.audit.ReplayAudit.Check;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The audit's second invariant, no order sells more than the strategy holds (checks 2a to 2c): execution's fills
 * replayed per strategy and symbol in two orders, and risk's own anomaly table empty.
 */
final class HoldingChecks {

    private final AuditData data;
    private final AuditData.Limits limits;

    HoldingChecks(AuditData data) {
        this.data = data;
        this.limits = data.limits();
    }

    Check sellsWithinHoldings(String id, String order, Comparator<Order> sequence) {
        Map<String, List<Order>> byKey = data.orders().stream()
                .filter(Order::filled)
                .collect(Collectors.groupingBy(
                        o -> o.strategyId() + "/" + o.symbol(), TreeMap::new, Collectors.toList()));
        int sells = 0;
        int violations = 0;
        String first = null;
        for (Map.Entry<String, List<Order>> entry : byKey.entrySet()) {
            BigDecimal held = BigDecimal.ZERO;
            for (Order fill : entry.getValue().stream().sorted(sequence).toList()) {
                BigDecimal baseFee =
                        AuditAmounts.baseAsset(limits, fill.symbol()).equals(fill.feeAsset())
                                ? fill.fee()
                                : BigDecimal.ZERO;
                if ("BUY".equals(fill.side())) {
                    held = held.add(fill.quantity()).subtract(baseFee);
                    continue;
                }
                sells++;
                BigDecimal leaving = fill.quantity().add(baseFee);
                if (leaving.compareTo(held) > 0) {
                    violations++;
                    first = first == null
                            ? fill.clientOrderId() + " (" + fill.purpose() + ") of " + entry.getKey() + " sold "
                                    + plain(leaving) + " holding " + plain(held)
                            : first;
                }
                held = held.subtract(leaving);
            }
        }
        return new Check(
                id,
                "every SELL fill <= what the strategy held (" + order + ")",
                violations == 0,
                String.format(
                        Locale.ROOT,
                        "%d SELL fills, %d beyond the holding%s",
                        sells,
                        violations,
                        first == null ? "" : "; first: " + first));
    }

    Check noAnomalies() {
        Map<String, Long> kinds = data.anomalies().stream()
                .collect(Collectors.groupingBy(AuditData.Anomaly::kind, TreeMap::new, Collectors.counting()));
        return new Check(
                "2c",
                "risk.anomalies is empty (SELL_EXCEEDS_POSITION, NEGATIVE_CASH, ...)",
                data.anomalies().isEmpty(),
                data.anomalies().isEmpty()
                        ? "0 rows"
                        : data.anomalies().size() + " rows " + kinds + "; first: "
                                + data.anomalies().getFirst().detail());
    }
}
