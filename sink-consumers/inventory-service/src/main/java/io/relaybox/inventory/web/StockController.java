package io.relaybox.inventory.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.inventory.Inventory;
import io.relaybox.inventory.StockLevel;
import io.relaybox.problem.NotFoundException;

/** {@code /stock}: units on hand, reserved and seeded per SKU. */
@RestController
@RequestMapping(path = "/stock", produces = MediaType.APPLICATION_JSON_VALUE)
class StockController {

    private final Inventory inventory;

    StockController(Inventory inventory) {
        this.inventory = inventory;
    }

    @GetMapping
    List<StockLevel> all() {
        return inventory.stock();
    }

    @GetMapping("/{sku}")
    StockLevel one(@PathVariable String sku) {
        return inventory.stock(sku).orElseThrow(() -> new NotFoundException("SKU not found",
                "SKU " + sku + " is not in stock"));
    }
}
