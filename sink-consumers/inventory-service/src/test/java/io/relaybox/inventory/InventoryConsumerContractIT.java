package io.relaybox.inventory;

import io.relaybox.service.contract.IdempotentConsumerContract;
import io.relaybox.service.contract.ServiceUnderTest;

/** The inventory service passes the idempotent-consumer contract. */
class InventoryConsumerContractIT extends IdempotentConsumerContract {

    @Override
    protected ServiceUnderTest service() {
        return new InventoryUnderTest();
    }
}
