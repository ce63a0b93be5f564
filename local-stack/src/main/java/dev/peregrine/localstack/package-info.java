/**
 * The local stack: the whole suite on one machine with one command, for development and demos. Kafka
 * (KRaft) and PostgreSQL run embedded with their data under a data dir that outlives the process, so a
 * restart continues where the last run stopped; the five services run in this JVM, each in its own Spring
 * context, on the same fixed ports they use when deployed on their own. Production deployments use the
 * Dockerfiles, docker-compose.yml and the k8s/ Kustomize base and overlays instead.
 */
package dev.peregrine.localstack;
