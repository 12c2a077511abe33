package io.relaybox.peers.namastack;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.namastack.outbox.Outbox;
import io.relaybox.peers.writers.OrderPlaced;
import io.relaybox.peers.writers.PeerWriters;

/** Saves an order and schedules its event in one transaction, the order id as the record key (ordered per order). */
@Service
class OrderService {

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final String run;

    OrderService(JdbcTemplate jdbc, Outbox outbox, @Value("${peer.run}") String run) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.run = run;
    }

    @Transactional
    public void place(int seq, OrderPlaced event) {
        jdbc.update(PeerWriters.INSERT_ORDER, PeerWriters.orderParameters(seq, event, run));
        outbox.schedule(event, event.orderId());
    }
}
