/**
 * The research maths of the walk-forward loop. Pure Java: the splitter and the untouched holdout
 * ({@code walkforward}), declared parameter spaces with grid and genetic search ({@code search}), the walk-forward
 * optimiser and its stored runs ({@code optimiser}), overfitting measures ({@code overfitting}), confidence
 * calibration ({@code calibration}), the return statistics they share ({@code stats}) and the export of a chosen
 * assignment as the services' configuration ({@code export}). On the backtest engine: the objective that runs it
 * ({@code objective}) and the command-line entries {@code run.WalkForwardMain} and {@code run.CalibrationMain}.
 * Only out-of-sample numbers are called results here.
 */
package dev.peregrine.backtest.research;
