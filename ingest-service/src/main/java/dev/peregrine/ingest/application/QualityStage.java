package dev.peregrine.ingest.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Envelope;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.id.DerivedIds;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.quality.QualityCheck;
import dev.peregrine.ingest.domain.quality.QualityMonitor;
import dev.peregrine.ingest.domain.quality.QualityRule;
import dev.peregrine.ingest.domain.quality.QualityViolation;
import dev.peregrine.ingest.domain.quality.SeriesViolation;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The data-quality stage of one feed: every source (kline file replay, capture replay, the live stream and its
 * REST backfill) passes its candles, trades and series updates through one of these, and turns what it
 * finds into {@code QualityIncident}s with ids derived from what they are about, so that the same data seen
 * again yields the same incident ids. One instance per feed, used by one thread: it holds the feed's state.
 */
public final class QualityStage {

    private final QualityMonitor monitor;
    private final String source;
    private final Clock clock;

    QualityStage(QualityMonitor monitor, String source, Clock clock) {
        this.monitor = Objects.requireNonNull(monitor, "monitor");
        this.source = Objects.requireNonNull(source, "source");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    public String source() {
        return source;
    }

    /** Whether {@code rule} is enabled, i.e. whether its violations are reported. */
    public boolean reports(QualityRule rule) {
        return monitor.settings().isEnabled(rule);
    }

    /**
     * Judges a closed candle received at {@code receivedAt} (the clock's time live, the data's own in a replay).
     * A refused candle ({@link QualityCheck#refusal()}) must not be published.
     */
    public QualityCheck candle(Candle candle, Instant receivedAt) {
        return monitor.candle(candle, receivedAt);
    }

    /** A trade: it feeds KLINE_CLOSE_VS_LAST_TRADE and the symbol's last trade price. */
    public void trade(Symbol symbol, Instant tradeTime, BigDecimal price) {
        monitor.trade(symbol, tradeTime, price);
    }

    /** An update of a series that is not a closed candle, e.g. a kline still open: it keeps STALE_STREAM quiet. */
    public void seriesAlive(Series series, Instant at) {
        monitor.seriesAlive(series, at);
    }

    /** The symbol's trade stream was interrupted: see {@link QualityMonitor#forgetTrades}. */
    public void tradesInterrupted(Symbol symbol) {
        monitor.forgetTrades(symbol);
    }

    public Optional<BigDecimal> lastTradePrice(Symbol symbol) {
        return monitor.lastTradePrice(symbol);
    }

    public Map<Symbol, BigDecimal> lastTradePrices() {
        return monitor.lastTradePrices();
    }

    /** STALE_STREAM against the injected clock: the live adapter calls this periodically. */
    public List<QualityIncident> heartbeat() {
        return heartbeatAt(clock.instant());
    }

    /** STALE_STREAM at {@code now}: a replay passes the data's own time. */
    public List<QualityIncident> heartbeatAt(Instant now) {
        List<SeriesViolation> stale = monitor.stale(now);
        if (stale.isEmpty()) {
            return List.of();
        }
        List<QualityIncident> incidents = new ArrayList<>(stale.size());
        for (SeriesViolation found : stale) {
            QualityRule rule = found.violation().rule();
            // One incident per silence: the series and the last update before it name it.
            UUID id = DerivedIds.from("series-quality-incident", source, found.series(), found.since(), rule);
            incidents.add(new QualityIncident(
                    Envelope.root(id, found.at(), clock.instant()),
                    found.series().symbol(),
                    found.series().interval(),
                    rule.name(),
                    rule.severity(),
                    source,
                    found.violation().evidence()));
        }
        return incidents;
    }

    /**
     * The incidents of a published candle's violations, caused by the candle and derived from its event id. Reads
     * none of the stage's state, so a replay's publishing thread may call it while the replay thread judges on.
     */
    public List<QualityIncident> incidentsOf(CandleClosed candle, QualityCheck check) {
        if (check.violations().isEmpty()) {
            return List.of();
        }
        List<QualityIncident> incidents = new ArrayList<>(check.violations().size());
        for (QualityViolation violation : check.violations()) {
            QualityRule rule = violation.rule();
            UUID id =
                    DerivedIds.from("candle-quality-incident", candle.envelope().eventId(), rule.name());
            incidents.add(new QualityIncident(
                    Envelope.causedBy(candle.envelope(), id, candle.closeTime(), clock.instant()),
                    candle.symbol(),
                    candle.interval(),
                    rule.name(),
                    rule.severity(),
                    candle.source(),
                    violation.evidence()));
        }
        return incidents;
    }
}
