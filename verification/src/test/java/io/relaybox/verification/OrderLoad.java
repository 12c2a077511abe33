package io.relaybox.verification;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.relaybox.verification.audit.OrderGenerator;
import io.relaybox.verification.audit.OrdersApi;

/** Places generated orders over HTTP from several clients at once, as a burst of users would. */
final class OrderLoad {

    private OrderLoad() {
    }

    /** Places the orders and returns their ids once every request was answered. */
    static Set<String> place(OrdersApi api, OrderGenerator generator, int orders, int clients)
            throws InterruptedException, ExecutionException {
        Set<String> placed = ConcurrentHashMap.newKeySet();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<String>> requests = new ArrayList<>();
            for (int i = 0; i < orders; i++) {
                requests.add(pool.submit(() -> api.place(generator.nextOrderJson()).path("orderId").asString()));
            }
            for (Future<String> request : requests) {
                placed.add(request.get());
            }
        } finally {
            pool.shutdown();
        }
        return placed;
    }
}
