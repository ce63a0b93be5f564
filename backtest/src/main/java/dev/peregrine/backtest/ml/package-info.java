/**
 * The ML filter's trainer (docs/signal-validation.md, "ML filter"): a labelled dataset of the signals signal-service's
 * own chain gives on kline files inside a training window ({@code SignalDataset}), labelled by their forward return
 * after the paper venue's costs; a deterministic XGBoost4J model fitted on the earlier part of the window and measured
 * on its later part ({@code ModelTrainer}); the files an operator uploads ({@code TrainerMain}).
 */
package dev.peregrine.backtest.ml;
