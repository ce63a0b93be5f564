package dev.peregrine.signal.application;

import dev.peregrine.common.event.CandleClosed;
import dev.peregrine.common.event.Grade;
import dev.peregrine.common.event.RecommendedAction;
import dev.peregrine.common.event.SignalValidated;
import dev.peregrine.common.event.StrategyStateChanged;
import dev.peregrine.common.id.IdGenerator;
import dev.peregrine.common.value.Interval;
import dev.peregrine.common.value.Symbol;
import dev.peregrine.signal.application.port.out.CandleStore;
import dev.peregrine.signal.application.port.out.EvaluatedCandle;
import dev.peregrine.signal.application.port.out.SignalMetrics;
import dev.peregrine.signal.application.port.out.SignalPublisher;
import dev.peregrine.signal.application.port.out.SignalRecord;
import dev.peregrine.signal.application.port.out.SignalValidationStore;
import dev.peregrine.signal.application.port.out.StrategyEventPublisher;
import dev.peregrine.signal.application.port.out.StrategyStore;
import dev.peregrine.signal.domain.Strategy;
import dev.peregrine.signal.domain.StrategyChange;
import dev.peregrine.signal.domain.bar.Bar;
import dev.peregrine.signal.domain.consensus.Verdict;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/** In-memory stand-ins for the outgoing ports, recording what the use cases did and in which order. */
final class Fakes {

    private Fakes() {}

    /** Ids 00000000-0000-0000-0000-000000000001, ...2, ... */
    static final class SequentialIds implements IdGenerator {
        private long next = 1;

        @Override
        public UUID next() {
            return new UUID(0, next++);
        }
    }

    static final class Journal {
        final List<String> entries = new ArrayList<>();
    }

    static final class SignalStore implements SignalValidationStore {
        final Map<UUID, SignalRecord> rows = new LinkedHashMap<>();
        final Map<UUID, EvaluatedCandle> debates = new LinkedHashMap<>();
        private final Journal journal;

        SignalStore(Journal journal) {
            this.journal = journal;
        }

        @Override
        public void save(EvaluatedCandle candle) {
            journal.entries.add(
                    "store " + candle.debateId() + " with " + candle.signals().size() + " signal(s)");
            debates.putIfAbsent(candle.debateId(), candle);
            candle.signals().forEach(record -> rows.putIfAbsent(record.signal().signalId(), record));
        }
    }

    static final class SignalBus implements SignalPublisher {
        final List<SignalValidated> published = new ArrayList<>();
        private final Journal journal;
        int failuresToInject;

        SignalBus(Journal journal) {
            this.journal = journal;
        }

        @Override
        public void publishAll(List<SignalValidated> signals) {
            if (failuresToInject > 0) {
                failuresToInject--;
                throw new IllegalStateException("broker did not acknowledge");
            }
            journal.entries.add("publish " + signals.size() + " signal(s)");
            published.addAll(signals);
        }
    }

    /** Candles by series and open time, like signal.candles: first write wins. */
    static final class CandleDb implements CandleStore {
        final Map<String, TreeMap<Instant, Bar>> series = new LinkedHashMap<>();
        private final Journal journal;
        /** Saving the candle of this open time fails, as if the process died just before. */
        Instant failOn;

        CandleDb(Journal journal) {
            this.journal = journal;
        }

        @Override
        public void save(CandleClosed candle) {
            if (candle.openTime().equals(failOn)) {
                throw new IllegalStateException("the process died before storing the candle");
            }
            journal.entries.add("candle " + candle.openTime());
            series.computeIfAbsent(candle.symbol() + "/" + candle.interval(), k -> new TreeMap<>())
                    .putIfAbsent(candle.openTime(), SignalChain.barOf(candle));
        }

        @Override
        public List<Bar> latest(Symbol symbol, Interval interval, int limit) {
            List<Bar> all = new ArrayList<>(series.getOrDefault(symbol + "/" + interval, new TreeMap<>())
                    .values());
            return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
        }

        int size(String symbol, Interval interval) {
            return series.getOrDefault(symbol + "/" + interval, new TreeMap<>()).size();
        }
    }

    static final class Metrics implements SignalMetrics {
        final List<String> validations = new ArrayList<>();
        final List<Integer> strengths = new ArrayList<>();
        final List<String> ignored = new ArrayList<>();
        final List<Verdict.Decision> verdicts = new ArrayList<>();
        final List<Integer> rebuilt = new ArrayList<>();
        int conflicts;
        int latencies;
        Integer paused;
        int warm;
        int warming;
        final List<String> activeModels = new ArrayList<>();
        final List<String> mlStates = new ArrayList<>();

        @Override
        public void mlScored(String state) {
            mlStates.add(state);
        }

        @Override
        public void activeModel(String version) {
            activeModels.add(version);
        }

        @Override
        public void signalValidated(String strategyId, Grade grade, RecommendedAction action, int strength) {
            validations.add(strategyId + "/" + grade + "/" + action);
            strengths.add(strength);
        }

        @Override
        public void candleIgnored(String reason) {
            ignored.add(reason);
        }

        @Override
        public void evaluationLatency(Duration latency) {
            latencies++;
        }

        @Override
        public void pausedStrategies(int count) {
            paused = count;
        }

        @Override
        public void debateVerdict(Verdict.Decision decision) {
            verdicts.add(decision);
        }

        @Override
        public void consensusConflict() {
            conflicts++;
        }

        @Override
        public void seriesWarmth(int warm, int warming) {
            this.warm = warm;
            this.warming = warming;
        }

        @Override
        public void seriesRebuilt(int candles) {
            rebuilt.add(candles);
        }

        final List<String> evicted = new ArrayList<>();

        @Override
        public void seriesEvicted(String reason) {
            evicted.add(reason);
        }
    }

    static final class StrategyDb implements StrategyStore {
        final Map<String, Strategy> strategies = new LinkedHashMap<>();
        final List<Audit> audit = new ArrayList<>();
        private final Journal journal;

        record Audit(StrategyChange change, AuditContext context) {}

        StrategyDb(Journal journal, Strategy... initial) {
            this.journal = journal;
            for (Strategy strategy : initial) {
                strategies.put(strategy.id(), strategy);
            }
        }

        @Override
        public List<Strategy> loadAll() {
            return List.copyOf(strategies.values());
        }

        @Override
        public boolean record(StrategyChange change, AuditContext context) {
            if (context.commandId() != null
                    && findByCommand(context.commandId()).isPresent()) {
                return false;
            }
            journal.entries.add(
                    "record " + change.after().id() + " " + change.after().state());
            strategies.put(change.after().id(), change.after());
            audit.add(new Audit(change, context));
            return true;
        }

        @Override
        public Optional<RecordedChange> findByCommand(UUID commandId) {
            return audit.stream()
                    .filter(a -> commandId.equals(a.context().commandId()))
                    .map(a -> new RecordedChange(a.change().after(), a.context().eventId()))
                    .findFirst();
        }
    }

    static final class StrategyBus implements StrategyEventPublisher {
        final List<StrategyStateChanged> published = new ArrayList<>();
        private final Journal journal;

        StrategyBus(Journal journal) {
            this.journal = journal;
        }

        @Override
        public void publish(StrategyStateChanged event) {
            journal.entries.add("announce " + event.strategyId() + " " + event.state());
            published.add(event);
        }
    }
}
