package io.relaybox.payment;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The back-fill of issue #12: when authority over payments moves between the monolith's legacy module and this
 * service, the side that held it hands its whole state to the other. {@link #snapshot} reads the service's state,
 * {@link #replace} writes the monolith's into it. Neither publishes an event: a transfer moves decisions already made
 * (and published by whoever made them), it decides nothing.
 */
@Service
public class MigrationState {

    private final AccountRepository accounts;
    private final MigrationStateRepository state;

    MigrationState(AccountRepository accounts, MigrationStateRepository state) {
        this.accounts = accounts;
        this.state = state;
    }

    /**
     * Every account and every decided payment, read in one repeatable-read transaction: one snapshot, so the money
     * the captured payments took is what the balances lack, even while orders are being decided.
     *
     * @return the state
     */
    @Transactional(readOnly = true, isolation = Isolation.REPEATABLE_READ)
    public PaymentState snapshot() {
        return new PaymentState(state.accounts(), state.payments());
    }

    /**
     * Writes the state into the service's in one transaction: the accounts given are inserted or overwritten, each
     * payment given replaces the order's; accounts and payments not given stay. Every account is locked first, in
     * customer and currency order, the order an event batch locks its accounts in: a batch and a transfer queue for
     * the accounts instead of deadlocking on them, and none decides on half-written balances.
     *
     * @param replacement the state, valid
     * @return how many accounts and payments were written
     */
    @Transactional
    public AppliedCounts replace(PaymentState replacement) {
        accounts.lockAll();
        state.upsertAccounts(replacement.accounts());
        state.upsertPayments(replacement.payments());
        return new AppliedCounts(replacement.accounts().size(), replacement.payments().size());
    }
}
