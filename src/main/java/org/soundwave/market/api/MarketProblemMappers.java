package org.soundwave.market.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.soundwave.market.CatalogConflictException;
import org.soundwave.market.InvalidCatalogInputException;
import org.soundwave.market.NoSuchOrderException;
import org.soundwave.market.OrderConflictException;
import org.soundwave.market.OutOfStockException;
import org.soundwave.market.NoSuchProductException;
import org.soundwave.platform.api.Problem;

/**
 * The market's failures as problems: no such product or category → 404; a field naming something that
 * does not exist → 400 naming the field; a conflicting change → 409.
 */
public final class MarketProblemMappers {

    private MarketProblemMappers() {
    }

    @Provider
    public static class NoSuchProduct implements ExceptionMapper<NoSuchProductException> {
        @Override
        public Response toResponse(NoSuchProductException exception) {
            return Problem.of(Response.Status.NOT_FOUND, "no-such-product", exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class InvalidInput implements ExceptionMapper<InvalidCatalogInputException> {
        @Override
        public Response toResponse(InvalidCatalogInputException exception) {
            return Problem.invalid(exception.field(), exception.getMessage()).getResponse();
        }
    }

    @Provider
    public static class NoSuchOrder implements ExceptionMapper<NoSuchOrderException> {
        @Override
        public Response toResponse(NoSuchOrderException exception) {
            return Problem.of(Response.Status.NOT_FOUND, "no-such-order", exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class OutOfStock implements ExceptionMapper<OutOfStockException> {
        @Override
        public Response toResponse(OutOfStockException exception) {
            return Problem.of(Response.Status.CONFLICT, "out-of-stock", exception.getMessage())
                    .withErrors(exception.available().entrySet().stream()
                            .map(e -> new Problem.FieldError("items." + e.getKey(), "only " + e.getValue() + " left"))
                            .toList())
                    .toResponse();
        }
    }

    @Provider
    public static class IllegalTransition implements ExceptionMapper<OrderConflictException> {
        @Override
        public Response toResponse(OrderConflictException exception) {
            return Problem.of(Response.Status.CONFLICT, "illegal-transition", exception.getMessage()).toResponse();
        }
    }

    @Provider
    public static class Conflict implements ExceptionMapper<CatalogConflictException> {
        @Override
        public Response toResponse(CatalogConflictException exception) {
            return Problem.of(Response.Status.CONFLICT, "conflict", exception.getMessage()).toResponse();
        }
    }
}
