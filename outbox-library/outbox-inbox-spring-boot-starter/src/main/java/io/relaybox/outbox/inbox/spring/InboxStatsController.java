package io.relaybox.outbox.inbox.spring;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.outbox.inbox.Inbox;

/** {@code GET /inbox/stats}: the inbox counters of this instance. */
@RestController
class InboxStatsController {

    private final Inbox inbox;

    InboxStatsController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping(path = "/inbox/stats", produces = MediaType.APPLICATION_JSON_VALUE)
    InboxStats stats() {
        return InboxStats.of(inbox.consumer(), inbox.metrics());
    }
}
