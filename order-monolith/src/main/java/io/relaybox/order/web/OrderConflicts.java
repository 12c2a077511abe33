package io.relaybox.order.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import java.util.List;

import io.relaybox.order.IdempotencyKeyReusedException;
import io.relaybox.order.OrderAlreadyCancelledException;
import io.relaybox.order.OrderNotDecidedException;
import io.relaybox.order.OrderPlacements;
import io.relaybox.order.migration.ServiceUnavailableException;
import io.relaybox.order.migration.SwitchRefusedException;
import io.relaybox.problem.FieldViolation;

/**
 * The order API's own problems: cancelling a cancelled order is a conflict (409); an {@code Idempotency-Key} sent
 * with a different request than the one it placed an order for is unprocessable (422, naming the header); a mode switch
 * that would misjudge orders is a conflict (409), one a service did not take part in is a 503. Every other error (400 with the
 * invalid fields, 404, malformed JSON) is answered by the shared {@code io.relaybox.problem.ProblemResponses}.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class OrderConflicts {

    @ExceptionHandler
    ProblemDetail orderAlreadyCancelled(OrderAlreadyCancelledException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Order already cancelled");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail switchRefused(SwitchRefusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Mode switch refused");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail orderNotDecided(OrderNotDecidedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Order not decided");
        problem.setProperty("orderId", e.order().orderId());
        problem.setProperty("orderStatus", e.order().status().name());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail switchTakesTooLong(OrderPlacements.SwitchTakesTooLongException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Mode switch in progress");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail serviceUnavailable(ServiceUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setTitle("Service unavailable");
        return problem;
    }

    @ExceptionHandler
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Idempotency key already used");
        problem.setProperty("errors", List.of(new FieldViolation(IdempotencyKeyHeader.NAME, e.getMessage())));
        return problem;
    }
}
