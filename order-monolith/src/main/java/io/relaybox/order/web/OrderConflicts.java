package io.relaybox.order.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import io.relaybox.order.OrderAlreadyCancelledException;

/**
 * The order API's own problem: cancelling a cancelled order is a conflict (409). Every other error (400 with the
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
}
