/** RFC 9457 problem responses ({@code application/problem+json}) that name the invalid fields of a request. */
package io.relaybox.problem;
