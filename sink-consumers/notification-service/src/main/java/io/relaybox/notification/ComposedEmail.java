package io.relaybox.notification;

/**
 * An e-mail's subject and plain-text body.
 *
 * @param subject the subject line
 * @param body the text
 */
record ComposedEmail(String subject, String body) {
}
