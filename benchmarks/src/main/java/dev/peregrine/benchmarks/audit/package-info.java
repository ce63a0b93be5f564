/**
 * The replay audit: one Binance kline file replayed through the whole suite (the five services in one JVM on embedded
 * Kafka and PostgreSQL, with their defaults), then checked from the services' own stores and APIs — gross exposure
 * within its limit at every approval and every hour, no sale beyond what a strategy holds, every position's P&amp;L
 * adding up to the change in equity, the portfolio API showing that equity — with the figures per strategy.
 * {@code benchmarks/replay-audit.sh} runs it on the shared files; results are written up in docs/risk.md.
 */
package dev.peregrine.benchmarks.audit;
