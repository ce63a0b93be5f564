/**
 * Binance spot REST, typed and safe, over the official {@code binance-connector-java}: {@link
 * dev.peregrine.execution.adapter.out.binance.BinanceSpotRest} answers every call with a {@link
 * dev.peregrine.execution.adapter.out.binance.BinanceAnswer} instead of throwing, signs with {@link
 * dev.peregrine.execution.adapter.out.binance.BinanceCredentials}, stamps signed calls in the venue's time ({@link
 * dev.peregrine.execution.adapter.out.binance.VenueClock}) and never sends a request twice ({@link
 * dev.peregrine.execution.adapter.out.binance.ConnectorHttpClient}). Plain Java: the wiring lives in config.
 */
package dev.peregrine.execution.adapter.out.binance;
