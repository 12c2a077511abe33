package io.relaybox.payment.web;

import java.util.Optional;
import java.util.UUID;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.relaybox.payment.Charge;
import io.relaybox.payment.Payment;
import io.relaybox.payment.Payments;
import io.relaybox.payment.faults.FaultInjector;
import io.relaybox.problem.NotFoundException;

/**
 * {@code /payments}: the synchronous path of the monolith (before it moves to events). Idempotent by order id: every
 * call answers 200 with the recorded outcome, and publishes the same events as the event path, once. With
 * {@code relaybox.faults.enabled=true} a capture first passes the {@link FaultInjector}: it may wait, or answer 503
 * (problem titled {@code Injected fault}) having decided nothing.
 */
@RestController
@RequestMapping(path = "/payments", produces = MediaType.APPLICATION_JSON_VALUE)
class PaymentController {

    private final Payments payments;
    private final Optional<FaultInjector> faults;
    private final CaptureRequestValidator validator = new CaptureRequestValidator();

    /** @param faults present only when faults may be injected (a benchmark's setting) */
    PaymentController(Payments payments, Optional<FaultInjector> faults) {
        this.payments = payments;
        this.faults = faults;
    }

    /** Captures the amount: status CAPTURED, or FAILED with the reason. */
    @PostMapping(path = "/{orderId}/capture", consumes = MediaType.APPLICATION_JSON_VALUE)
    Payment capture(@PathVariable UUID orderId, @RequestBody(required = false) CaptureRequest request) {
        Charge charge = validator.charge(request);
        // an invalid request is refused as it always is; the injected fault stands for a slow or failing decision
        faults.ifPresent(FaultInjector::beforeCapture);
        return payments.capture(orderId, charge);
    }

    /** Refunds a captured payment once; an unknown order is marked cancelled, so that it is never captured later. */
    @PostMapping("/{orderId}/refund")
    Payment refund(@PathVariable UUID orderId) {
        return payments.refund(orderId);
    }

    @GetMapping("/{orderId}")
    Payment get(@PathVariable UUID orderId) {
        return payments.find(orderId).orElseThrow(() -> new NotFoundException("Payment not found",
                "order " + orderId + " has no payment"));
    }
}
