/**
 * The research loop on the code that trades: backtests that drive the services' own domain code over kline files in
 * one process, their reports, walk-forward optimisation, the ML filter's trainer and confidence calibration.
 */
package dev.peregrine.backtest;
