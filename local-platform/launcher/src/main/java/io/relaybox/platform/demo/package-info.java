/** The demo: places orders over HTTP and proves each one arrived in Kafka exactly once. */
package io.relaybox.platform.demo;
