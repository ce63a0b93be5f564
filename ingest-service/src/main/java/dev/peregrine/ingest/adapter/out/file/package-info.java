/** Reads kline files from the local file system, gzip-compressed or not. */
package dev.peregrine.ingest.adapter.out.file;
