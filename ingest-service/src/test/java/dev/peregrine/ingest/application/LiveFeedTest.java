package dev.peregrine.ingest.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.QualityIncident;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.StreamMessages;
import dev.peregrine.ingest.TestCandles;
import dev.peregrine.ingest.application.port.in.FeedStatus;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.MessageKind;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.live.CandleArrival;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import dev.peregrine.ingest.domain.live.ReconnectBackoff;
import dev.peregrine.ingest.domain.live.StreamType;
import dev.peregrine.ingest.domain.quality.QualitySettings;
import dev.peregrine.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The live feed against in-memory ports on the test's thread: connections, reconnects with their back-off, the
 * planned reconnect, backfills and the ordering of stream and backfilled candles. Time only moves when the test
 * moves it; the back-off's jitter comes from a seeded random source.
 */
class LiveFeedTest {

    private static final Instant START = Instant.parse("2024-06-01T00:00:00Z");
    private static final Series BTC = TestCandles.series("BTCUSDT", Interval.ONE_MINUTE);
    private static final long SEED = 7;
    private static final Duration GRACE = Duration.ofSeconds(30);

    private final MutableClock clock =
            new MutableClock(START.plus(Duration.ofMinutes(5)).plusSeconds(10));
    private final LiveFakes.ManualLoop loop = new LiveFakes.ManualLoop(clock);
    private final Fakes.QueuedExecutor rest = new Fakes.QueuedExecutor();
    private final LiveFakes.FakeExchange exchange = new LiveFakes.FakeExchange();
    private final LiveFakes.FakeConnector connector = new LiveFakes.FakeConnector();
    private final Fakes.MemoryCandleStore candles = new Fakes.MemoryCandleStore();
    private final Fakes.MemoryRejectionStore rejections = new Fakes.MemoryRejectionStore();
    private final Fakes.RecordingPublisher publisher = new Fakes.RecordingPublisher();
    private final LiveFakes.MemoryConnectionEvents events = new LiveFakes.MemoryConnectionEvents();
    private final LiveFakes.MemoryInstrumentStore instruments = new LiveFakes.MemoryInstrumentStore();
    private final LiveFakes.RecordingInstrumentPublisher instrumentPublisher =
            new LiveFakes.RecordingInstrumentPublisher();
    private final Fakes.RecordingMetrics metrics = new Fakes.RecordingMetrics();
    private final LiveFakes.RecordingFeedMetrics feedMetrics = new LiveFakes.RecordingFeedMetrics();
    private final Fakes.SequentialIds ids = new Fakes.SequentialIds();
    private ConnectionAudit audit;
    private LivePipeline pipeline;
    private LiveFeed feed;

    @BeforeEach
    void setUp() {
        exchange.instruments.put(Symbol.of("BTCUSDT"), LiveFakes.FakeExchange.instrument("BTCUSDT", "0.01000000"));
        exchange.instruments.put(Symbol.of("ETHUSDT"), LiveFakes.FakeExchange.instrument("ETHUSDT", "0.01000000"));
        for (int slot = 0; slot < 5; slot++) {
            release(BTC, slot);
        }
        audit = new ConnectionAudit(events, clock, ids);
        pipeline = new LivePipeline(
                new QualityStages(QualitySettings.defaults(), clock),
                new BackfillService(exchange, pause -> clock.set(clock.instant().plus(pause)), clock, 100_000),
                rest,
                loop,
                candles,
                rejections,
                publisher,
                audit,
                metrics,
                feedMetrics,
                clock,
                ids,
                500);
        feed = feed(1000, Duration.ZERO);
    }

    /** The feed with its queue bound and silence timeout (zero: never). */
    private LiveFeed feed(int maxQueuedMessages, Duration silenceTimeout) {
        LiveFeedSettings settings = new LiveFeedSettings(
                List.of(Symbol.of("BTCUSDT"), Symbol.of("NOPEUSDT"), Symbol.of("ETHUSDT")),
                List.of(Interval.ONE_MINUTE),
                Set.of(StreamType.KLINE, StreamType.AGG_TRADE),
                1024,
                Duration.ofMillis(250),
                Duration.ofHours(23),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                0.5,
                Duration.ofHours(1),
                Duration.ofSeconds(1),
                maxQueuedMessages,
                silenceTimeout);
        return new LiveFeed(
                settings,
                connector,
                pipeline,
                new InstrumentSync(exchange, instruments, instrumentPublisher, clock, ids),
                loop,
                rest,
                audit,
                feedMetrics,
                clock,
                new SplittableRandom(SEED));
    }

    private Candle release(Series series, int slot) {
        Candle candle = TestCandles.candle(series, START, slot);
        exchange.release(candle);
        return candle;
    }

    private static Instant open(int slot) {
        return START.plus(Duration.ofMinutes(slot));
    }

    /** Runs the loop's tasks and the REST thread's until neither has anything left. */
    private void settle() {
        do {
            loop.runPending();
            rest.runAll();
            loop.runPending();
        } while (!rest.queued.isEmpty());
    }

    private LiveFakes.FakeConnection startAndConnect() {
        feed.start();
        settle();
        loop.advance(Duration.ZERO);
        LiveFakes.FakeConnection connection = connector.last();
        connection.listener.onOpen();
        loop.runPending();
        return connection;
    }

    /** The exchange closes a kline: it is released for REST and sent on the stream. */
    private void streamed(LiveFakes.FakeConnection connection, Series series, int slot) {
        Candle candle = release(series, slot);
        connection.listener.onMessage(StreamMessages.closed(candle));
        loop.runPending();
    }

    private List<Instant> published(Series series) {
        return publisher.candles().stream()
                .filter(c -> c.symbol().equals(series.symbol()) && c.interval() == series.interval())
                .map(CandleClosed::openTime)
                .toList();
    }

    private static List<Instant> slots(int from, int toInclusive) {
        return IntStream.rangeClosed(from, toInclusive)
                .mapToObj(LiveFeedTest::open)
                .toList();
    }

    @Test
    void subscribesTheListedSymbolsAfterReadingTheirRulesAndLeavesAnUnknownOneOut() {
        feed.start();
        settle();
        assertThat(connector.opened).as("nothing before the plan's first timer").isEmpty();

        loop.advance(Duration.ZERO);

        assertThat(connector.opened).hasSize(1);
        assertThat(connector.last().streams)
                .containsExactly("btcusdt@kline_1m", "btcusdt@aggTrade", "ethusdt@kline_1m", "ethusdt@aggTrade");
        assertThat(instrumentPublisher.published)
                .extracting(e -> e.symbol().value())
                .containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(instruments.rows).containsOnlyKeys(Symbol.of("BTCUSDT"), Symbol.of("ETHUSDT"));
        FeedStatus status = feed.feedStatus();
        assertThat(status.unknownSymbols()).containsExactly(Symbol.of("NOPEUSDT"));
        assertThat(status.connections())
                .extracting(FeedStatus.Connection::name, FeedStatus.Connection::open)
                .containsExactly(tuple("ws-1", false));
    }

    @Test
    void theStartupBackfillAndTheStreamGiveEveryCandleOnceInOrder() {
        LiveFakes.FakeConnection connection = startAndConnect();
        assertThat(rest.queued).as("the backfills wait on the REST thread").hasSize(2);

        // While the backfill is on its way, the stream closes slot 5 (slot 4 is sent again, as after a reconnect).
        clock.set(open(6).plusMillis(5));
        connection.listener.onMessage(StreamMessages.closed(TestCandles.candle(BTC, START, 4)));
        streamed(connection, BTC, 5);
        assertThat(publisher.candles()).as("held while the backfill runs").isEmpty();

        settle();
        streamed(connection, BTC, 6);

        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 6));
        // Slot 5 had closed only 5 ms before: the backfill waited for it to be safely closed, read it, and the
        // backfilled copy won over the streamed one.
        assertThat(publisher.candles())
                .extracting(CandleClosed::source)
                .containsExactly(
                        "binance-rest",
                        "binance-rest",
                        "binance-rest",
                        "binance-rest",
                        "binance-rest",
                        "binance-rest",
                        "binance-ws");
        assertThat(publisher.candles())
                .allSatisfy(c -> assertThat(c.qualityFlags()).isEmpty());
        assertThat(rejections.rows)
                .as("the overlap is expected, not a duplicate")
                .isEmpty();
        assertThat(feedMetrics.published)
                .containsEntry(CandleArrival.Origin.BACKFILL, 6)
                .containsEntry(CandleArrival.Origin.STREAM, 1);
        assertThat(feedMetrics.lags).hasSize(1);
        assertThat(events.types())
                .containsSubsequence(
                        ConnectionEventType.CONNECTED,
                        ConnectionEventType.BACKFILL_REQUESTED,
                        ConnectionEventType.BACKFILL_RECEIVED);
        ConnectionEvent requested =
                events.of(ConnectionEventType.BACKFILL_REQUESTED).getFirst();
        assertThat(requested.series()).contains(BTC);
        assertThat(requested.detail()).isEqualTo("STARTUP: the latest 500");
        ConnectionEvent received =
                events.of(ConnectionEventType.BACKFILL_RECEIVED).getFirst();
        assertThat(received.candles()).hasValue(6);
        assertThat(received.from()).contains(open(0));
        assertThat(received.to()).contains(open(5));
    }

    @Test
    void aDropIsReconnectedAfterTheBackOffAndWhatWasMissedIsBackfilledExactlyOnce() {
        LiveFakes.FakeConnection first = startAndConnect();
        settle();
        clock.set(open(7).plusMillis(5));
        streamed(first, BTC, 5);
        streamed(first, BTC, 6);
        // Closed klines the stream never delivered before it dropped; REST has them.
        release(BTC, 7);
        release(BTC, 8);
        clock.set(open(9).plusMillis(5));

        first.listener.onClosed("dropped: EOFException");
        loop.runPending();
        Duration backoff = new ReconnectBackoff(
                        Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5, new SplittableRandom(SEED))
                .delay(1);
        loop.advance(backoff.minusMillis(1));
        assertThat(connector.opened).as("not before the back-off has passed").hasSize(1);

        loop.advance(Duration.ofMillis(1));
        assertThat(connector.opened).hasSize(2);
        LiveFakes.FakeConnection second = connector.last();
        assertThat(first.closed)
                .as("the dropped connection is closed on its own")
                .isTrue();
        first.listener.onMessage(StreamMessages.closed(TestCandles.candle(BTC, START, 99)));
        second.listener.onOpen();
        loop.runPending();
        streamed(second, BTC, 9);
        settle();
        clock.set(open(11).plusMillis(5));
        streamed(second, BTC, 10);

        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 10));
        assertThat(publisher.candles().stream()
                        .filter(c ->
                                c.openTime().equals(open(7)) || c.openTime().equals(open(8))))
                .extracting(CandleClosed::source)
                .containsOnly("binance-rest");
        assertThat(feedMetrics.reconnects).containsEntry("dropped", 1);
        assertThat(events.types())
                .containsSubsequence(
                        ConnectionEventType.DISCONNECTED,
                        ConnectionEventType.RECONNECTING,
                        ConnectionEventType.CONNECTED,
                        ConnectionEventType.BACKFILL_REQUESTED,
                        ConnectionEventType.BACKFILL_RECEIVED);
        assertThat(events.of(ConnectionEventType.DISCONNECTED).getFirst().detail())
                .startsWith("dropped: EOFException");
        assertThat(events.of(ConnectionEventType.CONNECTED).getLast().detail())
                .contains("reconnected after 1 attempt(s)");
        ConnectionEvent resumed = events.of(ConnectionEventType.BACKFILL_REQUESTED).stream()
                .filter(e -> e.series().equals(Optional.of(BTC)))
                .toList()
                .getLast();
        assertThat(resumed.from()).contains(open(7));
        assertThat(resumed.detail()).startsWith("RECONNECT");
    }

    @Test
    void aConnectionThatOverflowsTheQueueIsReconnectedAndWhatItShedIsBackfilledNothingLost() {
        feed = feed(3, Duration.ZERO);
        LiveFakes.FakeConnection first = startAndConnect();
        settle();
        clock.set(open(9).plusMillis(5));

        // Four closed klines arrive while the feed thread is busy: three fit in the queue, the fourth overflows.
        for (int slot = 5; slot <= 8; slot++) {
            first.listener.onMessage(StreamMessages.closed(release(BTC, slot)));
        }
        assertThat(feedMetrics.queued.getAsInt()).isEqualTo(3);
        assertThat(feedMetrics.overflows).isEqualTo(1);
        first.listener.onMessage(StreamMessages.closed(TestCandles.candle(BTC, START, 9)));
        assertThat(feedMetrics.overflows).as("one overflow per connection").isEqualTo(1);
        assertThat(feedMetrics.shed).isEqualTo(2);
        assertThat(feedMetrics.queued.getAsInt()).as("nothing more was queued").isEqualTo(3);

        loop.runPending();
        assertThat(feedMetrics.queued.getAsInt()).isZero();
        assertThat(first.closed).as("the overflowed connection is closed").isTrue();
        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 7));
        assertThat(events.of(ConnectionEventType.DISCONNECTED).getLast().detail())
                .startsWith("overflow: more than 3 "
                        + "messages waiting for the feed thread (peregrine.ingest.binance.max-queued-messages)");

        reconnectedAfterTheBackOff(first);

        assertThat(published(BTC))
                .as("slot 8, shed with the overflow, comes from the backfill")
                .containsExactlyElementsOf(slots(0, 8));
        assertThat(publisher.candles().stream().filter(c -> c.openTime().equals(open(8))))
                .extracting(CandleClosed::source)
                .containsExactly("binance-rest");
        assertThat(feedMetrics.reconnects).containsEntry("overflow", 1);
    }

    @Test
    void aConnectionSilentForLongerThanTheTimeoutIsReconnectedAndWhatWasMissedIsBackfilled() {
        feed = feed(1000, Duration.ofSeconds(10));
        LiveFakes.FakeConnection first = startAndConnect();
        settle();
        clock.set(open(7).plusMillis(5));
        streamed(first, BTC, 5);

        loop.advance(Duration.ofSeconds(8));
        first.listener.onMessage(StreamMessages.closed(TestCandles.candle(BTC, START, 5)));
        loop.runPending();
        loop.advance(Duration.ofSeconds(8));
        assertThat(connector.opened).as("a message 8 s ago: still alive").hasSize(1);
        assertThat(first.closed).isFalse();

        // The stream goes silent (a stalled server, a half-open socket) while the exchange closes slot 6.
        release(BTC, 6);
        loop.advance(Duration.ofSeconds(2));
        assertThat(first.closed).as("nothing heard for 10 s").isFalse();
        loop.advance(Duration.ofSeconds(1));
        assertThat(first.closed).as("nothing heard for more than 10 s").isTrue();
        assertThat(events.of(ConnectionEventType.DISCONNECTED).getLast().detail())
                .startsWith("silent: no message since ")
                .contains("(peregrine.ingest.binance.silence-timeout)");

        reconnectedAfterTheBackOff(first);

        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 6));
        assertThat(publisher.candles().stream().filter(c -> c.openTime().equals(open(6))))
                .extracting(CandleClosed::source)
                .containsExactly("binance-rest");
        assertThat(feedMetrics.reconnects).containsEntry("silent", 1);
    }

    /** The back-off (at most 1 s) passes, a new connection opens and its backfill is done. */
    private void reconnectedAfterTheBackOff(LiveFakes.FakeConnection previous) {
        loop.advance(Duration.ofSeconds(1));
        LiveFakes.FakeConnection next = connector.last();
        assertThat(next).isNotSameAs(previous);
        next.listener.onOpen();
        loop.runPending();
        settle();
    }

    @Test
    void withoutASilenceTimeoutAQuietConnectionIsKept() {
        LiveFakes.FakeConnection first = startAndConnect();
        settle();

        loop.advance(Duration.ofMinutes(10));

        assertThat(first.closed).isFalse();
        assertThat(connector.opened).hasSize(1);
    }

    @Test
    void failedReconnectsWaitLongerEachTimeAndReadinessGoesDownAfterTheGrace() {
        LiveFakes.FakeConnection first = startAndConnect();
        settle();
        assertThat(feed.feedStatus().ready(clock.instant(), GRACE)).isTrue();
        ReconnectBackoff expected =
                new ReconnectBackoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.5, new SplittableRandom(SEED));

        first.listener.onClosed("dropped: SocketException: Connection reset");
        loop.runPending();
        Instant droppedAt = clock.instant();
        Instant attemptAt = droppedAt;
        for (int attempt = 1; attempt <= 4; attempt++) {
            attemptAt = attemptAt.plus(expected.delay(attempt));
            loop.advance(Duration.between(clock.instant(), attemptAt));
            assertThat(connector.opened).as("attempt " + attempt).hasSize(1 + attempt);
            connector.last().listener.onClosed("failed with HTTP 503: ProtocolException");
            loop.runPending();
        }

        assertThat(feed.feedStatus().connections().getFirst().since()).isEqualTo(droppedAt);
        assertThat(feed.feedStatus().ready(droppedAt.plus(GRACE), GRACE)).isTrue();
        assertThat(feed.feedStatus().ready(droppedAt.plus(GRACE).plusMillis(1), GRACE))
                .isFalse();
        assertThat(events.of(ConnectionEventType.RECONNECTING))
                .extracting(ConnectionEvent::detail)
                .allMatch(detail -> detail.matches("attempt \\d after \\d+ ms back-off"));
        assertThat(feedMetrics.reconnects).containsEntry("dropped", 4);

        attemptAt = attemptAt.plus(expected.delay(5));
        loop.advance(Duration.between(clock.instant(), attemptAt));
        connector.last().listener.onOpen();
        loop.runPending();
        assertThat(feed.feedStatus().ready(clock.instant(), GRACE)).isTrue();
        assertThat(feedMetrics.openConnections).isEqualTo(1);
    }

    @Test
    void thePlannedReconnectOpensTheReplacementBeforeClosingTheOldConnection() {
        LiveFakes.FakeConnection old = startAndConnect();
        settle();

        loop.advance(Duration.ofHours(23));
        settle();

        assertThat(connector.opened).hasSize(2);
        LiveFakes.FakeConnection replacement = connector.last();
        assertThat(old.closed).as("kept until the replacement is open").isFalse();
        assertThat(events.types()).contains(ConnectionEventType.PLANNED_RECONNECT);
        assertThat(feedMetrics.reconnects).containsEntry("planned", 1);
        old.listener.onMessage(StreamMessages.aggTrade("ETHUSDT", 1, "100", clock.instant()));
        loop.runPending();
        assertThat(metrics.messages).as("the old connection still counts").containsEntry(MessageKind.AGG_TRADE, 1);

        replacement.listener.onOpen();
        loop.runPending();
        assertThat(old.closed).isTrue();
        old.listener.onMessage(StreamMessages.aggTrade("ETHUSDT", 2, "100", clock.instant()));
        replacement.listener.onMessage(StreamMessages.aggTrade("ETHUSDT", 3, "100", clock.instant()));
        loop.runPending();
        assertThat(metrics.messages).as("only the replacement counts now").containsEntry(MessageKind.AGG_TRADE, 2);
        assertThat(feed.feedStatus().ready(clock.instant(), GRACE)).isTrue();
        assertThat(events.of(ConnectionEventType.DISCONNECTED)).isEmpty();
    }

    @Test
    void brokenDuplicateAndOutOfOrderMessagesAreRejectedWithReasonsAndTheFeedGoesOn() {
        LiveFakes.FakeConnection connection = startAndConnect();
        settle();
        clock.set(open(7).plusMillis(5));
        streamed(connection, BTC, 5);
        String six = StreamMessages.closed(release(BTC, 6));
        connection.listener.onMessage(six);

        connection.listener.onMessage("{\"stream\":<<not json>>");
        connection.listener.onMessage(six.substring(0, six.length() / 2));
        connection.listener.onMessage(six);
        connection.listener.onMessage(StreamMessages.closed(TestCandles.candle(BTC, START, 5)));
        loop.runPending();
        clock.set(open(8).plusMillis(5));
        streamed(connection, BTC, 7);

        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 7));
        assertThat(rejections.rows.values())
                .extracting(r -> r.reason())
                .containsExactly("MALFORMED_JSON", "TRUNCATED", "DUPLICATE", "OUT_OF_ORDER");
        assertThat(rejections.rows.values()).allSatisfy(r -> {
            assertThat(r.source()).isEqualTo("binance-ws");
            assertThat(r.runId()).isEqualTo(pipeline.session());
        });
        assertThat(rejections.rows.values())
                .filteredOn(r -> r.reason().equals("DUPLICATE"))
                .singleElement()
                .satisfies(r -> assertThat(r.rawLine()).isEqualTo(six));
        assertThat(feedMetrics.parseFailures)
                .containsEntry(RejectionReason.MALFORMED_JSON, 1)
                .containsEntry(RejectionReason.TRUNCATED, 1)
                .hasSize(2);
        assertThat(metrics.rejected)
                .containsEntry(RejectionReason.DUPLICATE, 1)
                .containsEntry(RejectionReason.OUT_OF_ORDER, 1);
        assertThat(publisher.incidents())
                .extracting(QualityIncident::rule)
                .containsExactly("DUPLICATE", "OUT_OF_ORDER");
        assertThat(metrics.incidents).containsEntry("MALFORMED_RECORD", 2);
    }

    @Test
    void aHoleInTheStreamIsBackfilledBeforeTheCandleAfterItAndARealOutageIsFlaggedGap() {
        LiveFakes.FakeConnection connection = startAndConnect();
        settle();
        clock.set(open(10).plusMillis(5));
        streamed(connection, BTC, 5);
        release(BTC, 6);
        release(BTC, 7);
        streamed(connection, BTC, 8);
        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 5));

        settle();
        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 8));
        assertThat(publisher.candles())
                .allSatisfy(c -> assertThat(c.qualityFlags()).isEmpty());
        assertThat(events.of(ConnectionEventType.BACKFILL_REQUESTED).getLast().detail())
                .isEqualTo("GAP: from " + open(6) + " to " + open(8).minusMillis(1));

        // Nothing between 8 and 11 exists anywhere: the backfill finds nothing and the stage flags the hole.
        clock.set(open(12).plusMillis(5));
        connection.listener.onMessage(StreamMessages.closed(TestCandles.candle(BTC, START, 11)));
        loop.runPending();
        settle();
        assertThat(published(BTC)).endsWith(open(8), open(11));
        assertThat(publisher.candles().getLast().qualityFlags()).containsExactly("GAP");
    }

    @Test
    void aFailedBackfillLetsTheHeldCandlesGoOnAndIsAudited() {
        exchange.failNext = 0;
        LiveFakes.FakeConnection connection = startAndConnect();
        exchange.failNext = 2;
        clock.set(open(6).plusMillis(5));
        streamed(connection, BTC, 5);

        settle();

        assertThat(events.of(ConnectionEventType.BACKFILL_FAILED)).hasSize(2);
        assertThat(events.of(ConnectionEventType.BACKFILL_FAILED).getFirst().detail())
                .contains("connection refused", "held live candle(s) go on");
        assertThat(published(BTC)).containsExactly(open(5));
    }

    @Test
    void candlesTheBrokerDidNotAcknowledgeArePublishedAgainInOrderBeforeNewerOnes() {
        LiveFakes.FakeConnection connection = startAndConnect();
        settle();
        clock.set(open(8).plusMillis(5));
        publisher.failFromCandle = publisher.candles().size() + 1;

        streamed(connection, BTC, 5);
        streamed(connection, BTC, 6);
        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 4));

        publisher.failFromCandle = Integer.MAX_VALUE;
        streamed(connection, BTC, 7);
        loop.advance(Duration.ofSeconds(1));

        assertThat(published(BTC)).containsExactlyElementsOf(slots(0, 7));
        assertThat(candles.published()).isEqualTo(8);
    }
}
