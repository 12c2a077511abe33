/**
 * Notifications: the customer's e-mail for each order confirmed or cancelled, recorded once per event in the inbox's
 * transaction and delivered over SMTP after commit.
 */
package io.relaybox.notification;
