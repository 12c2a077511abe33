/** The payment HTTP API: capture, refund, payments and account balances, with RFC 9457 problem responses. */
package io.relaybox.payment.web;
