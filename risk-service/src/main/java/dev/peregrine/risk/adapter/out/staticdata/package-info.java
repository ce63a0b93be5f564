/**
 * First-version placeholders that answer the equity and instrument-filter ports from configuration: equity
 * will come from a portfolio fed by fills, instrument filters from ingest's exchangeInfo.
 */
package dev.peregrine.risk.adapter.out.staticdata;
