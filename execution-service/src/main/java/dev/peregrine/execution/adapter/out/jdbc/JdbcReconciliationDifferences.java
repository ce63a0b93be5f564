package dev.peregrine.execution.adapter.out.jdbc;

import static dev.peregrine.platform.jdbc.JdbcTime.timestamptz;

import dev.peregrine.execution.application.port.out.ReconciliationDifferences;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records a difference where operators look: a row in {@code execution.reconciliation_differences}, the counter
 * {@code peregrine.execution.reconciliation.differences{kind}} (a Prometheus rule alerts on it) and a warning.
 */
@Component
class JdbcReconciliationDifferences implements ReconciliationDifferences {

    private static final Logger log = LoggerFactory.getLogger(JdbcReconciliationDifferences.class);

    private final JdbcClient jdbc;
    private final Map<Kind, Counter> counters = new EnumMap<>(Kind.class);

    JdbcReconciliationDifferences(JdbcClient jdbc, MeterRegistry registry) {
        this.jdbc = jdbc;
        for (Kind kind : Kind.values()) {
            counters.put(
                    kind,
                    Counter.builder("peregrine.execution.reconciliation.differences")
                            .tag("kind", kind.name())
                            .description("Differences reconciliation found between Peregrine's orders and the venue's")
                            .register(registry));
        }
    }

    @Override
    public void record(Kind kind, String clientOrderId, String detail, Instant at) {
        jdbc.sql("""
                        insert into execution.reconciliation_differences (kind, client_order_id, detail, recorded_at)
                        values (:kind, :clientOrderId, :detail, :at)""")
                .param("kind", kind.name())
                .param("clientOrderId", clientOrderId)
                .param("detail", detail)
                .param("at", timestamptz(at))
                .update();
        counters.get(kind).increment();
        log.warn("Reconciliation: {} for order {}: {}", kind, clientOrderId, detail);
    }
}
