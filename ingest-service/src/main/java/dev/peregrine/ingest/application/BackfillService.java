package dev.peregrine.ingest.application;

import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.KlineHistory;
import dev.peregrine.ingest.application.port.out.Pacer;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.BackfillRange;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a series' closed klines of a {@link BackfillRange} from the exchange's REST history in pages of at most
 * {@link KlineHistory#MAX_LIMIT}: forwards from the range's start ({@code startTime}, then the open time after
 * the last kline of each full page, up to its end), or backwards from now for the latest N ({@code endTime} before
 * the first kline of each page). Only closed klines are kept: the newest row of an answer is usually the kline
 * still open. A kline that closed less than {@link #CLOSED_MARGIN} ago is waited for (at most that long) and read
 * again, because a connection that just opened did not carry it. Blocking; runs on the REST thread, never on the
 * feed's.
 */
public final class BackfillService {

    private static final Logger log = LoggerFactory.getLogger(BackfillService.class);
    /**
     * A kline counts as closed once its close time is this far in the past by the local clock, so that a few
     * hundred milliseconds of clock difference with the exchange never let an open kline through as closed (the
     * final kline from the stream would then be refused as a duplicate of a wrong one).
     */
    static final Duration CLOSED_MARGIN = Duration.ofSeconds(1);

    private final KlineHistory history;
    private final Pacer pacer;
    private final Clock clock;
    private final int maxCandles;

    /** @param maxCandles most candles one backfill reads (a bound on a long outage's catch-up) */
    public BackfillService(KlineHistory history, Pacer pacer, Clock clock, int maxCandles) {
        this.history = Objects.requireNonNull(history, "history");
        this.pacer = Objects.requireNonNull(pacer, "pacer");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (maxCandles < 1) {
            throw new IllegalArgumentException("maxCandles must be at least 1, was " + maxCandles);
        }
        this.maxCandles = maxCandles;
    }

    /**
     * The closed klines of {@code range}, oldest first.
     *
     * @throws ExchangeUnavailableException when a page could not be read, or the wait for a fresh kline was
     *                                      interrupted
     */
    public List<Candle> fetch(Series series, BackfillRange range) {
        return range.from().isPresent()
                ? forwards(series, range.from().get(), range.to())
                : latest(series, Math.min(range.mostRecent(), maxCandles));
    }

    private List<Candle> forwards(Series series, Instant from, Optional<Instant> to) {
        List<Candle> candles = new ArrayList<>();
        Instant start = from;
        while (true) {
            List<Candle> page = history.klines(series, Optional.of(start), to, KlineHistory.MAX_LIMIT);
            Instant now = clock.instant();
            Optional<Candle> fresh = Optional.empty();
            boolean reachedOpen = false;
            for (Candle candle : page) {
                if (safelyClosed(candle, now)) {
                    candles.add(candle);
                } else {
                    fresh = candle.closeTime().isBefore(now) ? Optional.of(candle) : Optional.empty();
                    reachedOpen = true;
                    break;
                }
            }
            if (fresh.isPresent()) {
                waitUntilSafelyClosed(fresh.get(), now);
                start = fresh.get().openTime();
                continue;
            }
            if (reachedOpen || page.size() < KlineHistory.MAX_LIMIT) {
                return candles;
            }
            if (candles.size() >= maxCandles) {
                log.warn(
                        "Backfill of {} stopped after {} candles "
                                + "(peregrine.ingest.binance.rest.max-backfill-candles); "
                                + "the rest of the outage stays a gap",
                        series,
                        candles.size());
                return candles;
            }
            start = page.getLast().openTime().plusMillis(1);
        }
    }

    private List<Candle> latest(Series series, int count) {
        if (count == 0) {
            return List.of();
        }
        List<List<Candle>> pages = new ArrayList<>();
        int collected = 0;
        Optional<Instant> end = Optional.empty();
        // One more than wanted on the first page: its newest row is usually still open.
        int limit = Math.min(count + 1, KlineHistory.MAX_LIMIT);
        while (collected < count) {
            List<Candle> page = history.klines(series, Optional.empty(), end, limit);
            Instant now = clock.instant();
            if (end.isEmpty() && !page.isEmpty()) {
                Candle newest = page.getLast();
                if (!safelyClosed(newest, now) && newest.closeTime().isBefore(now)) {
                    waitUntilSafelyClosed(newest, now);
                    continue;
                }
            }
            List<Candle> closedOnes =
                    page.stream().filter(candle -> safelyClosed(candle, now)).toList();
            pages.addFirst(closedOnes);
            collected += closedOnes.size();
            if (page.size() < limit || page.isEmpty()) {
                break;
            }
            end = Optional.of(page.getFirst().openTime().minusMillis(1));
            limit = Math.min(count - collected, KlineHistory.MAX_LIMIT);
        }
        List<Candle> candles = new ArrayList<>(collected);
        pages.forEach(candles::addAll);
        return candles.size() <= count ? candles : List.copyOf(candles.subList(candles.size() - count, candles.size()));
    }

    private static boolean safelyClosed(Candle candle, Instant now) {
        return candle.closeTime().isBefore(now.minus(CLOSED_MARGIN));
    }

    private void waitUntilSafelyClosed(Candle candle, Instant now) {
        try {
            pacer.pause(
                    Duration.between(now, candle.closeTime().plus(CLOSED_MARGIN).plusMillis(1)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException(
                    "interrupted while waiting for the kline closing at " + candle.closeTime() + " of "
                            + candle.series(),
                    e);
        }
    }
}
