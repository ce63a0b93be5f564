package dev.peregrine.risk.adapter.out.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.peregrine.common.event.OrderPurpose;
import dev.peregrine.common.value.Side;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.risk.domain.portfolio.Portfolio;
import dev.peregrine.risk.domain.portfolio.PositionKey;
import dev.peregrine.risk.domain.portfolio.Trade;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The per-symbol and per-group exposure gauges exist while something is held there, and evictions are counted. */
class MicrometerRiskMetricsTest {

    private static final Instant T0 = Instant.parse("2024-03-01T10:00:00Z");
    private static final PositionKey BTC = new PositionKey("momentum", Symbol.of("BTCUSDT"));

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final MicrometerRiskMetrics metrics = new MicrometerRiskMetrics(registry);

    @Test
    void aSymbolsExposureGaugeIsRemovedOnceNothingIsHeldInItAndComesBackWithTheNextPosition() {
        Portfolio portfolio = Portfolio.withCash("USDT", new BigDecimal("10000"));
        trade(portfolio, "entry-1", Side.BUY, "30000", 0);
        metrics.portfolio(portfolio.valuation(), Map.of("majors", new BigDecimal("3000")), "ACTIVE", false, false);
        assertThat(registry.get("peregrine.risk.exposure")
                        .tag("symbol", "BTCUSDT")
                        .gauge()
                        .value())
                .isEqualTo(3000.0);
        assertThat(registry.get("peregrine.risk.group.exposure")
                        .tag("group", "majors")
                        .gauge()
                        .value())
                .isEqualTo(3000.0);

        trade(portfolio, "exit-1", Side.SELL, "31000", 60);
        metrics.portfolio(portfolio.valuation(), Map.of(), "ACTIVE", false, false);
        assertThat(registry.find("peregrine.risk.exposure").gauges()).isEmpty();
        assertThat(registry.find("peregrine.risk.group.exposure").gauges()).isEmpty();

        trade(portfolio, "entry-2", Side.BUY, "32000", 120);
        metrics.portfolio(portfolio.valuation(), Map.of("majors", new BigDecimal("3200")), "ACTIVE", false, false);
        assertThat(registry.get("peregrine.risk.exposure")
                        .tag("symbol", "BTCUSDT")
                        .gauge()
                        .value())
                .isEqualTo(3200.0);
        assertThat(registry.find("peregrine.risk.exposure").gauges()).hasSize(1);
    }

    @Test
    void evictionsAreCountedByStateAndReason() {
        metrics.stateEvicted("mark", "idle");
        metrics.stateEvicted("mark", "idle");
        metrics.stateEvicted("daily-closes", "capacity");
        assertThat(registry.get("peregrine.risk.state.evicted")
                        .tags("state", "mark", "reason", "idle")
                        .counter()
                        .count())
                .isEqualTo(2.0);
        assertThat(registry.get("peregrine.risk.state.evicted")
                        .tags("state", "daily-closes", "reason", "capacity")
                        .counter()
                        .count())
                .isEqualTo(1.0);
    }

    private static void trade(Portfolio portfolio, String order, Side side, String price, long seconds) {
        portfolio.completeOrder(new Trade(
                order,
                BTC,
                side,
                side == Side.BUY ? OrderPurpose.ENTRY : OrderPurpose.EXIT,
                new BigDecimal("0.1"),
                new BigDecimal(price),
                BigDecimal.ZERO,
                "USDT",
                T0.plusSeconds(seconds)));
        portfolio.mark(BTC.symbol(), new BigDecimal(price), T0.plusSeconds(seconds));
    }
}
