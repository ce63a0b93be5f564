/**
 * The research maths of the walk-forward loop, pure Java: the splitter and the untouched holdout
 * ({@code walkforward}), declared parameter spaces with grid and genetic search and the walk-forward optimiser
 * ({@code search}), overfitting measures ({@code overfitting}), confidence calibration ({@code calibration}) and the
 * return statistics they share ({@code stats}). Only out-of-sample numbers are called results here.
 */
package dev.peregrine.backtest.research;
