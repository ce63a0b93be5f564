/**
 * The one JSON codec every service uses for events, and the map from topic to the sealed event type it
 * carries.
 */
package dev.peregrine.common.json;
