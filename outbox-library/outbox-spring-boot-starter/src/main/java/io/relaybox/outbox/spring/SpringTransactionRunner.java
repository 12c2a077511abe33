package io.relaybox.outbox.spring;

import java.util.concurrent.Callable;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import io.relaybox.outbox.TransactionFailedException;
import io.relaybox.outbox.TransactionRunner;

/**
 * Runs the inbox's transactions with a {@link TransactionTemplate} on the application's transaction manager
 * (propagation REQUIRED), so that {@code JdbcTemplate}, {@code @Transactional} services and the outbox inside a
 * handler all join the transaction that records the event as processed.
 */
final class SpringTransactionRunner implements TransactionRunner {

    private final TransactionTemplate template;

    SpringTransactionRunner(PlatformTransactionManager transactionManager) {
        this.template = new TransactionTemplate(transactionManager);
    }

    @Override
    public <T> T inTransaction(Callable<T> work) {
        return template.execute(status -> {
            try {
                return work.call();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new TransactionFailedException("the transaction's work failed: " + e.getMessage(), e);
            }
        });
    }
}
