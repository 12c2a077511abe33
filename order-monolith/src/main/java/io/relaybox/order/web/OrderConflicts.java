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
import io.relaybox.problem.FieldViolation;

/**
 * The order API's own problems: cancelling a cancelled order is a conflict (409); an {@code Idempotency-Key} sent
 * with a different request than the one it placed an order for is unprocessable (422, naming the header). Every other error (400 with the
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
    ProblemDetail idempotencyKeyReused(IdempotencyKeyReusedException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, e.getMessage());
        problem.setTitle("Idempotency key already used");
        problem.setProperty("errors", List.of(new FieldViolation(IdempotencyKeyHeader.NAME, e.getMessage())));
        return problem;
    }
}
