/** Scaffolding shared by the relaybox sink plugins: version, configuration reference, validators, backoff, header names. */
package io.relaybox.connect.support;
