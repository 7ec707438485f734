package org.soundwave.market.order;

import java.math.BigDecimal;

/**
 * Takes payments. A charge is keyed: asking again with the same key returns the first answer and never
 * charges twice, so a worker that dies after charging and is retried elsewhere does no harm.
 */
public interface PaymentGateway {

    enum Outcome { CHARGED, DECLINED }

    Outcome charge(String key, long orderId, BigDecimal amount);
}
