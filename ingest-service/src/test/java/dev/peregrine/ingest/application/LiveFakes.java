package dev.peregrine.ingest.application;

import dev.peregrine.common.event.InstrumentUpdated;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.ingest.application.port.out.ConnectionEventStore;
import dev.peregrine.ingest.application.port.out.ExchangeUnavailableException;
import dev.peregrine.ingest.application.port.out.FeedLoop;
import dev.peregrine.ingest.application.port.out.FeedMetrics;
import dev.peregrine.ingest.application.port.out.InstrumentLookup;
import dev.peregrine.ingest.application.port.out.InstrumentPublisher;
import dev.peregrine.ingest.application.port.out.InstrumentSource;
import dev.peregrine.ingest.application.port.out.InstrumentStore;
import dev.peregrine.ingest.application.port.out.KlineHistory;
import dev.peregrine.ingest.application.port.out.StoredInstrument;
import dev.peregrine.ingest.application.port.out.StreamConnector;
import dev.peregrine.ingest.domain.Candle;
import dev.peregrine.ingest.domain.RejectionReason;
import dev.peregrine.ingest.domain.Series;
import dev.peregrine.ingest.domain.instrument.Instrument;
import dev.peregrine.ingest.domain.live.CandleArrival;
import dev.peregrine.ingest.domain.live.ConnectionEvent;
import dev.peregrine.ingest.domain.live.ConnectionEventType;
import dev.peregrine.testkit.MutableClock;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.UUID;
import java.util.function.IntSupplier;

/** In-memory stand-ins for the live feed's ports, with time moved by the test. */
final class LiveFakes {

    private LiveFakes() {}

    /**
     * The feed loop on the test's thread: tasks run when the test calls {@link #runPending()} or moves time with
     * {@link #advance(Duration)}, which fires the timers that come due in time order.
     */
    static final class ManualLoop implements FeedLoop {
        private final MutableClock clock;
        private final List<Runnable> pending = new ArrayList<>();
        private final PriorityQueue<Timer> timers =
                new PriorityQueue<>(Comparator.comparing((Timer t) -> t.due).thenComparingLong(t -> t.order));
        private long order;

        ManualLoop(MutableClock clock) {
            this.clock = clock;
        }

        private static final class Timer {
            final Instant due;
            final long order;
            final Runnable task;
            boolean cancelled;

            Timer(Instant due, long order, Runnable task) {
                this.due = due;
                this.order = order;
                this.task = task;
            }
        }

        @Override
        public void execute(Runnable task) {
            pending.add(task);
        }

        @Override
        public Cancellable schedule(Duration delay, Runnable task) {
            Timer timer = new Timer(clock.instant().plus(delay), order++, task);
            timers.add(timer);
            return () -> timer.cancelled = true;
        }

        void runPending() {
            while (!pending.isEmpty()) {
                pending.removeFirst().run();
            }
        }

        /** Moves the clock by {@code duration}, firing due timers (and the tasks they hand in) on the way. */
        void advance(Duration duration) {
            Instant end = clock.instant().plus(duration);
            runPending();
            while (!timers.isEmpty() && !timers.peek().due.isAfter(end)) {
                Timer timer = timers.poll();
                if (timer.cancelled) {
                    continue;
                }
                if (timer.due.isAfter(clock.instant())) {
                    clock.set(timer.due);
                }
                timer.task.run();
                runPending();
            }
            clock.set(end);
        }

        /** When the next live timer fires, if any. */
        Optional<Instant> nextTimer() {
            return timers.stream().filter(t -> !t.cancelled).map(t -> t.due).min(Comparator.naturalOrder());
        }
    }

    /** Binance's klines and exchangeInfo in memory, with Binance's selection rules; can be made to fail. */
    static final class FakeExchange implements KlineHistory, InstrumentSource {
        final Map<Series, List<Candle>> released = new HashMap<>();
        final Map<Symbol, Instrument> instruments = new LinkedHashMap<>();
        final List<String> requests = new ArrayList<>();
        int failNext;

        void release(Candle candle) {
            released.computeIfAbsent(candle.series(), s -> new ArrayList<>()).add(candle);
        }

        @Override
        public List<Candle> klines(Series series, Optional<Instant> startTime, Optional<Instant> endTime, int limit) {
            requests.add("klines " + series + " start="
                    + startTime.map(Instant::toString).orElse("-") + " end="
                    + endTime.map(Instant::toString).orElse("-") + " limit=" + limit);
            if (failNext > 0) {
                failNext--;
                throw new ExchangeUnavailableException("GET /api/v3/klines failed: connection refused");
            }
            List<Candle> all = released.getOrDefault(series, List.of()).stream()
                    .filter(c -> startTime.map(s -> !c.openTime().isBefore(s)).orElse(true))
                    .filter(c -> endTime.map(e -> !c.openTime().isAfter(e)).orElse(true))
                    .toList();
            if (startTime.isPresent()) {
                return List.copyOf(all.subList(0, Math.min(limit, all.size())));
            }
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }

        @Override
        public InstrumentLookup lookup(List<Symbol> symbols) {
            requests.add("exchangeInfo " + symbols);
            if (failNext > 0) {
                failNext--;
                throw new ExchangeUnavailableException("GET /api/v3/exchangeInfo failed: connection refused");
            }
            return new InstrumentLookup(
                    symbols.stream()
                            .filter(instruments::containsKey)
                            .map(instruments::get)
                            .toList(),
                    symbols.stream().filter(s -> !instruments.containsKey(s)).toList(),
                    Instant.parse("2024-06-01T00:00:00Z"));
        }

        static Instrument instrument(String symbol, String tick) {
            return new Instrument(
                    Symbol.of(symbol),
                    "TRADING",
                    symbol.substring(0, 3),
                    symbol.substring(3),
                    new BigDecimal(tick),
                    new BigDecimal("0.00001000"),
                    new BigDecimal("0.00001000"),
                    new BigDecimal("5"),
                    new BigDecimal("9000.00000000"),
                    new BigDecimal("128.52621715"),
                    new BigDecimal("9000000.00000000"));
        }
    }

    /** Connections the feed opened; the test plays the exchange through their listeners. */
    static final class FakeConnector implements StreamConnector {
        final List<FakeConnection> opened = new ArrayList<>();

        @Override
        public StreamConnection open(List<String> streams, StreamListener listener) {
            FakeConnection connection = new FakeConnection(opened.size() + 1, List.copyOf(streams), listener);
            opened.add(connection);
            return connection;
        }

        FakeConnection last() {
            return opened.getLast();
        }
    }

    static final class FakeConnection implements StreamConnector.StreamConnection {
        final int number;
        final List<String> streams;
        final StreamConnector.StreamListener listener;
        boolean closed;

        FakeConnection(int number, List<String> streams, StreamConnector.StreamListener listener) {
            this.number = number;
            this.streams = streams;
            this.listener = listener;
        }

        @Override
        public String id() {
            return "fake-" + number;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class MemoryInstrumentStore implements InstrumentStore {
        final Map<Symbol, StoredInstrument> rows = new LinkedHashMap<>();

        @Override
        public Optional<StoredInstrument> find(Symbol symbol) {
            return Optional.ofNullable(rows.get(symbol));
        }

        @Override
        public void save(Instrument instrument, UUID eventId, Instant updatedAt) {
            rows.put(instrument.symbol(), new StoredInstrument(instrument, eventId, updatedAt, Optional.empty()));
        }

        @Override
        public void markPublished(List<UUID> eventIds, Instant publishedAt) {
            rows.replaceAll((symbol, row) -> eventIds.contains(row.eventId())
                            && row.publishedAt().isEmpty()
                    ? new StoredInstrument(row.instrument(), row.eventId(), row.updatedAt(), Optional.of(publishedAt))
                    : row);
        }
    }

    static final class RecordingInstrumentPublisher implements InstrumentPublisher {
        final List<InstrumentUpdated> published = new ArrayList<>();
        boolean fail;

        @Override
        public void publishInstruments(List<InstrumentUpdated> events) {
            if (fail) {
                throw new IllegalStateException("publishing to market.instruments.v1 failed: broker away");
            }
            published.addAll(events);
        }
    }

    static final class MemoryConnectionEvents implements ConnectionEventStore {
        final List<ConnectionEvent> events = new ArrayList<>();

        @Override
        public void record(ConnectionEvent event) {
            events.add(event);
        }

        @Override
        public List<ConnectionEvent> recent(int limit) {
            return events.reversed().stream().limit(limit).toList();
        }

        List<ConnectionEventType> types() {
            return events.stream().map(ConnectionEvent::type).toList();
        }

        List<ConnectionEvent> of(ConnectionEventType type) {
            return events.stream().filter(e -> e.type() == type).toList();
        }
    }

    static final class RecordingFeedMetrics implements FeedMetrics {
        final Map<RejectionReason, Integer> parseFailures = new HashMap<>();
        final Map<String, Integer> reconnects = new HashMap<>();
        final Map<CandleArrival.Origin, Integer> published = new HashMap<>();
        final List<Duration> lags = new ArrayList<>();
        final Map<Integer, Integer> limited = new HashMap<>();
        int openConnections;
        int usedWeight;
        IntSupplier queued = () -> -1;
        int overflows;
        int shed;

        @Override
        public void queuedMessages(IntSupplier queued) {
            this.queued = queued;
        }

        @Override
        public void queueOverflow() {
            overflows++;
        }

        @Override
        public void messageShed() {
            shed++;
        }

        @Override
        public void parseFailure(RejectionReason reason) {
            parseFailures.merge(reason, 1, Integer::sum);
        }

        @Override
        public void reconnect(String reason) {
            reconnects.merge(reason, 1, Integer::sum);
        }

        @Override
        public void openConnections(int open) {
            openConnections = open;
        }

        @Override
        public void liveCandlePublished(Series series, CandleArrival.Origin origin, Optional<Duration> sinceEventTime) {
            published.merge(origin, 1, Integer::sum);
            sinceEventTime.ifPresent(lags::add);
        }

        @Override
        public void restUsedWeight(int used) {
            usedWeight = used;
        }

        @Override
        public void restLimited(int status) {
            limited.merge(status, 1, Integer::sum);
        }
    }
}
