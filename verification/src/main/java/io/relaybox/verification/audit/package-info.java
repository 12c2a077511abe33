/** The auditor: reads a running platform's databases, topics, Elasticsearch index and archive, checks the saga's invariants and counts each event once; the demo places orders over HTTP and reports with it. */
package io.relaybox.verification.audit;
