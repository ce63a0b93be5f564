/** Health contributors Spring Boot does not provide itself, such as Kafka reachability. */
package dev.peregrine.platform.health;
