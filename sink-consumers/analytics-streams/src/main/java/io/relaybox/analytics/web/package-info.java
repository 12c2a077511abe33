/** {@code GET /stats/...}: the figures of the state stores through interactive queries. */
package io.relaybox.analytics.web;
