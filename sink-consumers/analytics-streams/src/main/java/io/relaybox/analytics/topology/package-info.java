/**
 * The analytics topology, free of any framework: what it reads ({@link io.relaybox.analytics.topology.EventReader}),
 * how it dates ({@link io.relaybox.analytics.topology.OccurredAtExtractor}) and deduplicates
 * ({@link io.relaybox.analytics.topology.FirstSeenFilter}) events, what it counts
 * ({@link io.relaybox.analytics.topology.AnalyticsTopology}) and where a record it cannot read goes
 * ({@link io.relaybox.analytics.topology.DeadLetterHandler}).
 */
package io.relaybox.analytics.topology;
