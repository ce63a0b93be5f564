package dev.peregrine.backtest.research.search;

import dev.peregrine.backtest.research.walkforward.TimeWindow;
import io.jenetics.DoubleChromosome;
import io.jenetics.DoubleGene;
import io.jenetics.Genotype;
import io.jenetics.Mutator;
import io.jenetics.TournamentSelector;
import io.jenetics.UniformCrossover;
import io.jenetics.engine.Engine;
import io.jenetics.engine.EvolutionResult;
import io.jenetics.util.BatchExecutor;
import io.jenetics.util.RandomRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGeneratorFactory;

/**
 * Genetic search with Jenetics. A genotype is one gene in [0, 1) per parameter, mapped to the index
 * floor(gene x size), so crossover mixes parameters and mutation redraws one. Each distinct assignment is evaluated
 * once (a memo), and those evaluations are the trials. Deterministic: the run uses a random generator seeded with
 * {@code seed} and scoped to it (Jenetics' RandomRegistry), and a single-threaded executor, so the same seed, space
 * and objective give the same trials and the same best.
 */
public record GeneticSearch(
        long seed, int populationSize, int generations, double mutationProbability, double crossoverProbability)
        implements ParameterSearch {

    private static final String RANDOM_ALGORITHM = "L64X256MixRandom";

    public GeneticSearch {
        if (populationSize < 2 || generations < 1) {
            throw new IllegalArgumentException("need a population of at least 2 and at least 1 generation");
        }
        if (!(mutationProbability >= 0
                && mutationProbability <= 1
                && crossoverProbability >= 0
                && crossoverProbability <= 1)) {
            throw new IllegalArgumentException("probabilities must be within [0, 1]");
        }
    }

    public static GeneticSearch withSeed(long seed) {
        return new GeneticSearch(seed, 30, 20, 0.15, 0.3);
    }

    @Override
    public SearchResult search(ParameterSpace space, Objective objective, TimeWindow window) {
        Map<ParameterAssignment, Trial> evaluated = new LinkedHashMap<>();
        var random = RandomGeneratorFactory.of(RANDOM_ALGORITHM).create(seed);
        RandomRegistry.with(random, r -> {
            Engine<DoubleGene, Double> engine = Engine.builder(
                            (Genotype<DoubleGene> genotype) -> evaluate(space, objective, window, genotype, evaluated),
                            Genotype.of(DoubleChromosome.of(
                                    0.0, 1.0, space.parameters().size())))
                    .populationSize(populationSize)
                    .executor(Runnable::run)
                    .fitnessExecutor(BatchExecutor.of(Runnable::run))
                    .selector(new TournamentSelector<>(3))
                    .alterers(new UniformCrossover<>(crossoverProbability), new Mutator<>(mutationProbability))
                    .maximizing()
                    .build();
            return engine.stream().limit(generations).collect(EvolutionResult.toBestEvolutionResult());
        });
        return new SearchResult(new ArrayList<>(evaluated.values()));
    }

    private static double evaluate(
            ParameterSpace space,
            Objective objective,
            TimeWindow window,
            Genotype<DoubleGene> genotype,
            Map<ParameterAssignment, Trial> evaluated) {
        ParameterAssignment parameters = space.assignment(indices(space, genotype));
        return evaluated
                .computeIfAbsent(parameters, p -> new Trial(p, objective.evaluate(p, window)))
                .evaluation()
                .score();
    }

    static int[] indices(ParameterSpace space, Genotype<DoubleGene> genotype) {
        List<Parameter> parameters = space.parameters();
        int[] indices = new int[parameters.size()];
        for (int i = 0; i < indices.length; i++) {
            int size = parameters.get(i).size();
            double gene = genotype.chromosome().get(i).doubleValue();
            indices[i] = Math.min(size - 1, (int) Math.floor(gene * size));
        }
        return indices;
    }

    @Override
    public Map<String, String> settings() {
        return new TreeMap<>(Map.of(
                "type",
                "genetic",
                "library",
                "io.jenetics:jenetics:8.3.0",
                "seed",
                String.valueOf(seed),
                "populationSize",
                String.valueOf(populationSize),
                "generations",
                String.valueOf(generations),
                "mutationProbability",
                String.valueOf(mutationProbability),
                "crossoverProbability",
                String.valueOf(crossoverProbability)));
    }
}
