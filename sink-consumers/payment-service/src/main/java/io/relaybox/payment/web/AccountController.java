package io.relaybox.payment.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.payment.Account;
import io.relaybox.payment.Payments;
import io.relaybox.problem.NotFoundException;

/** {@code /accounts}: each customer's balances per currency, with the seeded balance. */
@RestController
@RequestMapping(path = "/accounts", produces = MediaType.APPLICATION_JSON_VALUE)
class AccountController {

    private final Payments payments;

    AccountController(Payments payments) {
        this.payments = payments;
    }

    @GetMapping
    List<Account> all() {
        return payments.accounts();
    }

    @GetMapping("/{customerId}")
    Account one(@PathVariable String customerId) {
        return payments.account(customerId).orElseThrow(() -> new NotFoundException("Account not found",
                "customer " + customerId + " has no account"));
    }
}
