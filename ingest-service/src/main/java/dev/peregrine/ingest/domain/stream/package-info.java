/**
 * Binance WebSocket messages: a strict JSON reader, the parser of combined-stream and raw payloads into typed
 * messages or rejections with a reason, and the {@code <local_ns> <json>} line of a raw capture. Pure Java.
 */
package dev.peregrine.ingest.domain.stream;
