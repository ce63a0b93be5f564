package dev.peregrine.benchmarks.latency;

import java.util.Locale;
import org.HdrHistogram.Histogram;

/** The harness's report: throughput, the latency table (milliseconds) and the verdict against issue 14's target. */
final class LatencyReport {

    /** Issue 14: p99 candle -> order intent under 10 ms at 1,000 candles/s. */
    static final double TARGET_P99_MILLIS = 10.0;

    /** What the run did besides the histograms. */
    record RunFacts(
            LatencyOptions options,
            double feedSeconds,
            long maxLateNanos,
            boolean drained,
            long lagAtEnd,
            long unmatchedIntents,
            long primedCandles,
            String cpu) {}

    private LatencyReport() {}

    static String render(LatencyLedger ledger, RunFacts facts) {
        StringBuilder out = new StringBuilder();
        LatencyOptions options = facts.options();
        out.append(String.format(
                Locale.ROOT,
                "## Candle -> intent at %,d candles/s over %s (%s warm-up), %d series%n%n",
                options.rate(),
                options.duration(),
                options.warmup(),
                options.series()));
        double seconds = facts.feedSeconds();
        out.append(String.format(
                Locale.ROOT,
                "- published: %,d candles in %.1f s = %,.0f candles/s (send failures %d;"
                        + " latest send after its due time %.1f ms)%n",
                ledger.candlesSent.get(),
                seconds,
                ledger.candlesSent.get() / seconds,
                ledger.sendFailures.get(),
                facts.maxLateNanos() / 1e6));
        out.append(String.format(
                Locale.ROOT,
                "- caused: %,d validated signals (%,.0f/s), %,d order intents (%,.1f/s) on"
                        + " %,d candles; %,d intents measured (after the warm-up)%n",
                ledger.signalsOfOurs.get(),
                ledger.signalsOfOurs.get() / seconds,
                ledger.intentsOfOurs.get(),
                ledger.intentsOfOurs.get() / seconds,
                ledger.candlesWithIntent.get(),
                ledger.intentsMeasured.get()));
        out.append(String.format(
                Locale.ROOT,
                "- chain %s after the last candle (lag of signal-service + risk-service:"
                        + " %,d records); intents matching no candle: %d; priming: %,d candles replayed through ingest,"
                        + " %,d of their intents (not measured); intents of strategy changes (exits of a pause): %,d%n",
                facts.drained() ? "caught up" : "did NOT catch up",
                facts.lagAtEnd(),
                facts.unmatchedIntents(),
                facts.primedCandles(),
                ledger.intentsOfPriming.get(),
                ledger.intentsOfStrategyChanges.get()));
        out.append("- risk's decisions on their signals: ")
                .append(ledger.decisions())
                .append('\n');
        out.append(String.format(
                Locale.ROOT,
                "- intents not split into stages (their signal is of another candle or"
                        + " was read after them): %,d; measured intents with a report from the venue: %,d%n%n",
                ledger.intentsWithoutSignalOfTheirCandle.get(),
                ledger.reportsMeasured.get()));
        out.append("| latency (ms) | count | p50 | p90 | p99 | p99.9 | max | mean |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        row(out, "**candle due -> intent received** (coordinated-omission corrected)", ledger.intentFromDue);
        row(out, "candle sent -> intent received", ledger.intentFromSend);
        row(out, "**candle due -> venue's first report received** (accepted/filled/rejected)", ledger.reportFromDue);
        row(out, "stage: candle sent -> first signal received", ledger.candleToSignal);
        row(out, "stage: signal received -> intent received", ledger.signalToIntent);
        row(out, "stage: intent received -> venue's first report received", ledger.intentToReport);
        row(out, "by record timestamps: candle -> signal published", ledger.publishedCandleToSignal);
        row(out, "by record timestamps: signal -> intent published", ledger.publishedSignalToIntent);
        row(out, "by record timestamps: intent published -> received", ledger.publishedIntentToReceipt);
        row(out, "by record timestamps: intent -> first report published", ledger.publishedIntentToReport);
        out.append('\n');
        if (!facts.cpu().isEmpty()) {
            out.append(facts.cpu()).append('\n');
        }
        out.append(verdict(ledger.intentFromDue, options.rate())).append('\n');
        return out.toString();
    }

    static String verdict(Histogram fromDue, int rate) {
        if (fromDue.getTotalCount() == 0) {
            return "VERDICT: no intent was measured, so the target cannot be judged.";
        }
        double p99 = fromDue.getValueAtPercentile(99) / 1000.0;
        boolean met = p99 < TARGET_P99_MILLIS;
        return String.format(
                Locale.ROOT,
                "VERDICT: p99 candle -> intent (from the schedule) %.2f ms at %,d candles/s:"
                        + " %s the target of < %.0f ms at 1,000 candles/s%s",
                p99,
                rate,
                met ? "meets" : "MISSES",
                TARGET_P99_MILLIS,
                rate == 1000 ? "." : " (this run is at another rate).");
    }

    private static void row(StringBuilder out, String name, Histogram h) {
        if (h.getTotalCount() == 0) {
            out.append("| ").append(name).append(" | 0 | | | | | | |\n");
            return;
        }
        out.append(String.format(
                Locale.ROOT,
                "| %s | %,d | %s | %s | %s | %s | %s | %s |%n",
                name,
                h.getTotalCount(),
                ms(h.getValueAtPercentile(50)),
                ms(h.getValueAtPercentile(90)),
                ms(h.getValueAtPercentile(99)),
                ms(h.getValueAtPercentile(99.9)),
                ms(h.getMaxValue()),
                ms((long) h.getMean())));
    }

    private static String ms(long micros) {
        return String.format(Locale.ROOT, micros >= 100_000 ? "%,.0f" : "%.2f", micros / 1000.0);
    }
}
