package dev.peregrine.backtest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.peregrine.backtest.engine.BacktestConfig;
import dev.peregrine.backtest.engine.BacktestEngine;
import dev.peregrine.backtest.engine.BacktestResult;
import dev.peregrine.backtest.engine.ClosedTrade;
import dev.peregrine.backtest.engine.FillRecord;
import dev.peregrine.backtest.engine.KlineSeries;
import dev.peregrine.backtest.engine.SignalRecord;
import dev.peregrine.testkit.SharedData;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The adapter and the report's metrics against the engine's own figures, on ten days of a real kline file. */
class EngineResultsTest {

    @Test
    void theReportsFiguresAgreeWithTheEngines() {
        KlineSeries series = KlineSeries.read(
                SharedData.require("binance/klines/ETHUSDT-15m.csv.gz"),
                Instant.parse("2024-03-01T00:00:00Z"),
                Instant.parse("2024-03-11T00:00:00Z"),
                Integer.MAX_VALUE);
        BacktestResult result = new BacktestEngine(BacktestConfig.serviceDefaults()).run(List.of(series));

        ReportData data = EngineResults.toReport(result, List.of("ETHUSDT"), "15m", "service defaults");

        assertThat(result.trades()).isNotEmpty();
        assertThat(data.trades()).hasSameSizeAs(result.trades());
        assertThat(data.signals()).hasSameSizeAs(result.signals());
        assertThat(data.run().candles()).isEqualTo(result.candles()).isEqualTo(960);
        assertThat(data.feesPaid())
                .isEqualByComparingTo(
                        result.fills().stream().map(FillRecord::fee).reduce(BigDecimal.ZERO, BigDecimal::add));
        for (ClosedTrade trade : result.trades()) {
            SignalRecord opening = result.signals().stream()
                    .filter(s -> s.signalId().equals(trade.entrySignalId()))
                    .findFirst()
                    .orElseThrow();
            assertThat(data.trades()).anySatisfy(row -> {
                assertThat(row.entryTime()).isEqualTo(trade.openedAt());
                assertThat(row.strategy()).isEqualTo(trade.strategyId());
                assertThat(row.grade()).isEqualTo(opening.grade().name());
                assertThat(row.netPnl()).isEqualByComparingTo(trade.pnl());
            });
        }
        Summary summary = Summary.of(data);
        assertThat(summary.finalEquity()).isEqualByComparingTo(result.finalEquity());
        assertThat(summary.maxDrawdown()).isCloseTo(result.maxDrawdown().doubleValue(), within(1e-9));
        double[] drawdown = Drawdown.series(
                data.run().startingCash().doubleValue(),
                data.equity().stream()
                        .mapToDouble(p -> p.equity().doubleValue())
                        .toArray());
        for (int i = 0; i < drawdown.length; i++) {
            assertThat(-drawdown[i]).isCloseTo(result.equity().get(i).drawdown().doubleValue(), within(1e-9));
        }
        assertThat(data.decisions().values().stream().mapToLong(Long::longValue).sum())
                .isEqualTo(result.decisions().size());
    }
}
