package dev.peregrine.monitor.domain.quality;

import java.util.Collection;

/**
 * Brier score of the validation's confidence as a forecast of a hit, and its skill against the climatological
 * forecast that always says the base rate: a confidence worth showing must beat that.
 * <p>
 * BS = (1/N) Σ (c_i − h_i)², h_i ∈ {0, 1}; reference BS_ref = p̄(1 − p̄) with p̄ the base hit rate;
 * skill BSS = 1 − BS / BS_ref (1 perfect, 0 no better than the base rate, negative worse). NaN where undefined:
 * an empty sample, or a reference of 0 (all hits or none).
 */
public record BrierScore(int count, double score, double baseRate, double referenceScore, double skillScore) {

    public static BrierScore of(Collection<MeasuredOutcome> outcomes) {
        int n = outcomes.size();
        if (n == 0) {
            return new BrierScore(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double squares = 0;
        int hits = 0;
        for (MeasuredOutcome outcome : outcomes) {
            double observed = outcome.hit() ? 1 : 0;
            hits += outcome.hit() ? 1 : 0;
            squares += (outcome.confidence() - observed) * (outcome.confidence() - observed);
        }
        double score = squares / n;
        double baseRate = (double) hits / n;
        double reference = baseRate * (1 - baseRate);
        return new BrierScore(n, score, baseRate, reference, reference == 0 ? Double.NaN : 1 - score / reference);
    }
}
