package dev.peregrine.backtest.research.search;

/** One evaluated point of the space. */
public record Trial(ParameterAssignment parameters, Evaluation evaluation) {}
