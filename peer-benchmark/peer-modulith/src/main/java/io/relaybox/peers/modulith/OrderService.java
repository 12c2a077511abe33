package io.relaybox.peers.modulith;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.relaybox.peers.writers.OrderPlaced;
import io.relaybox.peers.writers.PeerWriters;

/** Saves an order and publishes its event in one transaction: the registry stores the publication in it. */
@Service
class OrderService {

    private final JdbcTemplate jdbc;
    private final ApplicationEventPublisher events;
    private final String run;

    OrderService(JdbcTemplate jdbc, ApplicationEventPublisher events, @Value("${peer.run}") String run) {
        this.jdbc = jdbc;
        this.events = events;
        this.run = run;
    }

    @Transactional
    public void place(int seq, OrderPlaced event) {
        jdbc.update(PeerWriters.INSERT_ORDER, PeerWriters.orderParameters(seq, event, run));
        events.publishEvent(event);
    }
}
