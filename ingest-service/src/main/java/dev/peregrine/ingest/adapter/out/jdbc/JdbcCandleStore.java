package dev.peregrine.ingest.adapter.out.jdbc;

import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.CandleStore;
import dev.peregrine.ingest.application.port.out.NewCandle;
import dev.peregrine.ingest.application.port.out.StoredCandle;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.Series;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * {@code ingest.candles}: insert-or-read in one round trip per batch (one multi-row insert; for keys that were
 * taken, which a first replay never has, a second insert that names the rows it inserted, a query and the adoption
 * of those not published yet); a publication's mark is one row of {@code ingest.candle_publications} for all of its
 * candles.
 */
@Component
public class JdbcCandleStore implements CandleStore {

    private static final String COLUMNS = "symbol, interval, open_time, close_time, open, high, low, close, volume, "
            + "quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source, event_id";

    /** A stored candle with the time its publication was acknowledged, if it was (ingest.candle_publications). */
    private static final String STORED_COLUMNS = "c.symbol, c.interval, c.open_time, c.close_time, c.open, c.high, "
            + "c.low, c.close, c.volume, c.quote_volume, c.trades, c.taker_buy_base_volume, c.taker_buy_quote_volume, "
            + "c.quality_flags, c.source, c.event_id, p.published_at";

    // One statement per batch, every column an array unnested into rows by the server: one parse and plan and no
    // per-row protocol messages, and 17 array literals (ArrayLiteral) instead of 17 parameters per row (the driver's
    // binary encoding of a BigDecimal cost more than the rest of the row). Times travel as epoch microseconds
    // (exact); numbers as text, which the server reads as numeric like any literal.
    private static final String INSERT_ALL =
            """
            INSERT INTO ingest.candles (symbol, interval, open_time, close_time, open, high, low, close, volume,
                    quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, quality_flags, source,
                    event_id, ingested_at, publication_id)
            SELECT symbol, interval, %1$s, %2$s, open, high, low, close, volume, quote_volume, trades,
                   taker_buy_base_volume, taker_buy_quote_volume, string_to_array(flags, ','), source, event_id, %3$s,
                   CAST(:publicationId AS uuid)
              FROM unnest(CAST(:symbols AS text[]), CAST(:intervals AS text[]), CAST(:openTimes AS bigint[]),
                          CAST(:closeTimes AS bigint[]), CAST(:opens AS numeric[]), CAST(:highs AS numeric[]),
                          CAST(:lows AS numeric[]), CAST(:closes AS numeric[]), CAST(:volumes AS numeric[]),
                          CAST(:quoteVolumes AS numeric[]), CAST(:trades AS bigint[]),
                          CAST(:takerBuyBaseVolumes AS numeric[]), CAST(:takerBuyQuoteVolumes AS numeric[]),
                          CAST(:flags AS text[]), CAST(:sources AS text[]), CAST(:eventIds AS uuid[]),
                          CAST(:ingestedAts AS bigint[]))
                   WITH ORDINALITY AS offered(symbol, interval, open_us, close_us, open, high, low, close, volume,
                        quote_volume, trades, taker_buy_base_volume, taker_buy_quote_volume, flags, source, event_id,
                        ingested_us, position)
             ORDER BY position
            """.formatted(fromMicros("open_us"), fromMicros("close_us"), fromMicros("ingested_us"));

    // The same insert, skipping taken keys. ORDER BY keeps the first of two offers of one key, as row-by-row inserts
    // would. RETURNING names the rows this statement inserted: every other offer found its key taken, by an earlier
    // row or by a concurrent insert that committed meanwhile. It costs the server about a fifth more per row than
    // INSERT_ALL (a look-up before each row and a confirmation after it), which is why a batch tries INSERT_ALL first
    // while batches keep being new.
    private static final String INSERT_ALL_IF_ABSENT = INSERT_ALL + """
            ON CONFLICT (symbol, interval, open_time) DO NOTHING
            RETURNING event_id
            """;

    // A separate statement, so it sees rows that concurrent inserts committed after the insert's snapshot.
    private static final String STORED_UNDER = """
            SELECT %s FROM ingest.candles c
              JOIN unnest(CAST(:symbols AS text[]), CAST(:intervals AS text[]), CAST(:openTimes AS bigint[]))
                   AS offered(o_symbol, o_interval, o_open_us)
                ON c.symbol = o_symbol AND c.interval = o_interval AND c.open_time = %s
              LEFT JOIN ingest.candle_publications p ON p.publication_id = c.publication_id
            """.formatted(STORED_COLUMNS, fromMicros("o_open_us"));

    // Taken candles whose publication was not acknowledged join the new one. One acknowledged meanwhile keeps its
    // own (NOT EXISTS): the caller publishes the candle again all the same, under its stored event id.
    private static final String ADOPT_UNPUBLISHED = """
            UPDATE ingest.candles c SET publication_id = CAST(:publicationId AS uuid)
              FROM unnest(CAST(:symbols AS text[]), CAST(:intervals AS text[]), CAST(:openTimes AS bigint[]))
                   AS offered(o_symbol, o_interval, o_open_us)
             WHERE c.symbol = o_symbol AND c.interval = o_interval AND c.open_time = %s
               AND NOT EXISTS (SELECT 1 FROM ingest.candle_publications p WHERE p.publication_id = c.publication_id)
            """.formatted(fromMicros("o_open_us"));

    private final JdbcClient jdbc;
    /**
     * Whether the last batch was new throughout, so that the next one is likely new too and tries INSERT_ALL; a
     * batch that meets a taken key (a replay of stored history, a backfill overlapping the stream) fails as a
     * whole, inserting nothing, and is offered again with INSERT_ALL_IF_ABSENT, which also serves the batches
     * after it until one is new throughout again. Shared by every caller; a race only picks the other statement.
     */
    private volatile boolean lastBatchWasNew = true;

    public JdbcCandleStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public StoredCandle storeIfAbsent(NewCandle offered, UUID publicationId) {
        return storeAllIfAbsent(List.of(offered), publicationId).getFirst();
    }

    @Override
    public List<StoredCandle> storeAllIfAbsent(List<NewCandle> offered, UUID publicationId) {
        if (offered.isEmpty()) {
            return List.of();
        }
        int n = offered.size();
        String[] symbols = new String[n];
        String[] intervals = new String[n];
        Object[] openTimes = new Object[n];
        Object[] closeTimes = new Object[n];
        Object[] opens = new Object[n];
        Object[] highs = new Object[n];
        Object[] lows = new Object[n];
        Object[] closes = new Object[n];
        Object[] volumes = new Object[n];
        Object[] quoteVolumes = new Object[n];
        Object[] trades = new Object[n];
        Object[] takerBuyBaseVolumes = new Object[n];
        Object[] takerBuyQuoteVolumes = new Object[n];
        String[] flags = new String[n];
        String[] sources = new String[n];
        Object[] eventIds = new Object[n];
        Object[] ingestedAts = new Object[n];
        for (int i = 0; i < n; i++) {
            NewCandle o = offered.get(i);
            Candle c = o.candle();
            symbols[i] = c.symbol().value();
            intervals[i] = c.interval().code();
            openTimes[i] = micros(c.openTime());
            closeTimes[i] = micros(c.closeTime());
            // BigDecimal's text as it is (exponent form such as 1.0E-7 included): PostgreSQL reads it to the same
            // value and scale.
            opens[i] = c.open();
            highs[i] = c.high();
            lows[i] = c.low();
            closes[i] = c.close();
            volumes[i] = c.volume();
            quoteVolumes[i] = c.quoteVolume();
            trades[i] = c.trades();
            takerBuyBaseVolumes[i] = c.takerBuyBaseVolume();
            takerBuyQuoteVolumes[i] = c.takerBuyQuoteVolume();
            // Rule names (upper-case letters and underscores) never hold the separator.
            flags[i] = o.qualityFlags().isEmpty() ? "" : String.join(",", o.qualityFlags());
            sources[i] = o.source();
            eventIds[i] = o.eventId();
            ingestedAts[i] = micros(o.ingestedAt());
        }
        Map<String, Object> columns = new HashMap<>(32);
        columns.put("symbols", ArrayLiteral.quoted(symbols));
        columns.put("intervals", ArrayLiteral.quoted(intervals));
        columns.put("openTimes", ArrayLiteral.plain(openTimes));
        columns.put("closeTimes", ArrayLiteral.plain(closeTimes));
        columns.put("opens", ArrayLiteral.plain(opens));
        columns.put("highs", ArrayLiteral.plain(highs));
        columns.put("lows", ArrayLiteral.plain(lows));
        columns.put("closes", ArrayLiteral.plain(closes));
        columns.put("volumes", ArrayLiteral.plain(volumes));
        columns.put("quoteVolumes", ArrayLiteral.plain(quoteVolumes));
        columns.put("trades", ArrayLiteral.plain(trades));
        columns.put("takerBuyBaseVolumes", ArrayLiteral.plain(takerBuyBaseVolumes));
        columns.put("takerBuyQuoteVolumes", ArrayLiteral.plain(takerBuyQuoteVolumes));
        columns.put("flags", ArrayLiteral.quoted(flags));
        columns.put("sources", ArrayLiteral.quoted(sources));
        columns.put("eventIds", ArrayLiteral.plain(eventIds));
        columns.put("ingestedAts", ArrayLiteral.plain(ingestedAts));
        columns.put("publicationId", publicationId.toString());
        if (lastBatchWasNew) {
            try {
                jdbc.sql(INSERT_ALL).params(columns).update();
                return offered.stream().map(JdbcCandleStore::fresh).toList();
            } catch (DuplicateKeyException takenKey) {
                lastBatchWasNew = false;
            }
        }
        List<UUID> inserted =
                jdbc.sql(INSERT_ALL_IF_ABSENT).params(columns).query(UUID.class).list();
        List<StoredCandle> result = new ArrayList<>(n);
        // Offered event ids are fresh, so as many rows inserted as offered means every offer was new.
        if (inserted.size() == n) {
            lastBatchWasNew = true;
            offered.forEach(o -> result.add(fresh(o)));
            return result;
        }
        Set<UUID> insertedIds = new HashSet<>(inserted);
        List<NewCandle> taken =
                offered.stream().filter(o -> !insertedIds.contains(o.eventId())).toList();
        String takenSymbols = ArrayLiteral.quoted(
                taken.stream().map(o -> o.candle().symbol().value()).toArray(String[]::new));
        String takenIntervals = ArrayLiteral.quoted(
                taken.stream().map(o -> o.candle().interval().code()).toArray(String[]::new));
        String takenOpenTimes = ArrayLiteral.plain(
                taken.stream().map(o -> micros(o.candle().openTime())).toArray());
        Map<Key, StoredCandle> storedUnder = new HashMap<>();
        jdbc.sql(STORED_UNDER)
                .param("symbols", takenSymbols)
                .param("intervals", takenIntervals)
                .param("openTimes", takenOpenTimes)
                .query(JdbcCandleStore::stored)
                .list()
                .forEach(row -> storedUnder.putIfAbsent(Key.of(row.candle()), row));
        if (storedUnder.values().stream().anyMatch(row -> row.publishedAt().isEmpty())) {
            jdbc.sql(ADOPT_UNPUBLISHED)
                    .param("publicationId", publicationId.toString())
                    .param("symbols", takenSymbols)
                    .param("intervals", takenIntervals)
                    .param("openTimes", takenOpenTimes)
                    .update();
        }
        for (NewCandle o : offered) {
            if (insertedIds.contains(o.eventId())) {
                result.add(fresh(o));
            } else {
                StoredCandle row = storedUnder.get(Key.of(o.candle()));
                if (row == null) {
                    throw new IllegalStateException("candle " + Key.of(o.candle()) + " was neither inserted nor found");
                }
                result.add(row);
            }
        }
        return result;
    }

    private static StoredCandle fresh(NewCandle offered) {
        return new StoredCandle(
                offered.candle(), offered.qualityFlags(), offered.source(), offered.eventId(), Optional.empty());
    }

    /** Epoch microseconds, the resolution of timestamptz; anything finer is cut off. */
    private static long micros(Instant instant) {
        return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000L), instant.getNano() / 1_000);
    }

    /** The SQL for the timestamptz of an epoch-microsecond column, exact (no floating point). */
    private static String fromMicros(String column) {
        return "(TIMESTAMPTZ 'epoch' + " + column + " * INTERVAL '1 microsecond')";
    }

    @Override
    public void markPublished(UUID publicationId, Instant publishedAt) {
        // A publication marked again (its mark was retried) keeps its first time.
        jdbc.sql("INSERT INTO ingest.candle_publications (publication_id, published_at) "
                        + "VALUES (:publicationId, :publishedAt) ON CONFLICT (publication_id) DO NOTHING")
                .param("publicationId", publicationId)
                .param("publishedAt", Sql.timestamp(publishedAt))
                .update();
    }

    @Override
    public Optional<Instant> latestPublishedOpenTime(Series series) {
        // Walks the primary key backwards from the series' newest candle to the first published one.
        return jdbc.sql("SELECT c.open_time FROM ingest.candles c "
                        + "JOIN ingest.candle_publications p ON p.publication_id = c.publication_id "
                        + "WHERE c.symbol = :symbol AND c.interval = :interval ORDER BY c.open_time DESC LIMIT 1")
                .param("symbol", series.symbol().value())
                .param("interval", series.interval().code())
                .query((rs, row) -> Sql.instant(rs, "open_time"))
                .optional();
    }

    private record Key(String symbol, String interval, Instant openTime) {

        static Key of(Candle candle) {
            return new Key(candle.symbol().value(), candle.interval().code(), candle.openTime());
        }
    }

    private static StoredCandle stored(ResultSet rs, int row) throws SQLException {
        Candle candle = new Candle(
                Symbol.of(rs.getString("symbol")),
                Interval.fromCode(rs.getString("interval")),
                Sql.instant(rs, "open_time"),
                Sql.instant(rs, "close_time"),
                rs.getBigDecimal("open"),
                rs.getBigDecimal("high"),
                rs.getBigDecimal("low"),
                rs.getBigDecimal("close"),
                rs.getBigDecimal("volume"),
                rs.getBigDecimal("quote_volume"),
                rs.getLong("trades"),
                rs.getBigDecimal("taker_buy_base_volume"),
                rs.getBigDecimal("taker_buy_quote_volume"));
        String[] flags = (String[]) rs.getArray("quality_flags").getArray();
        return new StoredCandle(
                candle,
                List.of(flags),
                rs.getString("source"),
                rs.getObject("event_id", UUID.class),
                Sql.optionalInstant(rs, "published_at"));
    }
}
