/**
 * Benchmarks and throughput harnesses of Peregrine's hot paths, with what every figure needs beside it: the machine
 * it ran on and the data it read. Figures are written up in docs/performance.md, never asserted by tests.
 */
package dev.peregrine.benchmarks;
