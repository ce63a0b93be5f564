/** How REST errors look in every service: RFC 9457 problem details with a clear message. */
package dev.peregrine.platform.web;
