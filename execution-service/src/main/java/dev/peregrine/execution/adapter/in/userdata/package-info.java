/**
 * Binance's user data stream over the WebSocket API ({@code userDataStream.subscribe.signature}), feeding
 * {@link dev.peregrine.execution.application.port.in.OnVenueEvents}: {@link UserDataStream} keeps one subscribed
 * connection ({@link UserDataConnection}, the JDK's WebSocket client) alive, reconnects on a plan, on
 * {@code serverShutdown}, on a drop and on silence, and reports every (re)subscription as a stream gap;
 * {@link UserDataFrames} reads the frames and {@link UserDataDispatch} hands the events to the use case.
 */
package dev.peregrine.execution.adapter.in.userdata;
