package io.relaybox.payment;

import io.relaybox.service.contract.IdempotentConsumerContract;
import io.relaybox.service.contract.ServiceUnderTest;

/** The payment service passes the idempotent-consumer contract. */
class PaymentConsumerContractIT extends IdempotentConsumerContract {

    @Override
    protected ServiceUnderTest service() {
        return new PaymentUnderTest();
    }
}
