package org.soundwave.market.order;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A stand-in payment provider with deterministic answers: an amount whose cents are 13 (e.g. 13.13) is
 * declined, every other one is charged, after {@code soundwave.payment.latency-ms} of simulated network
 * time. Its ledger (payment_charge) is committed in its own transaction, as a real provider's would be
 * outside ours: a charge stays taken even if the order's transaction then rolls back.
 */
@ApplicationScoped
public class SimulatedPaymentGateway implements PaymentGateway {

    @PersistenceContext(unitName = "soundwave")
    EntityManager em;

    @Inject
    @ConfigProperty(name = "soundwave.payment.latency-ms", defaultValue = "100")
    long latencyMillis;

    @Override
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Outcome charge(String key, long orderId, BigDecimal amount) {
        try {
            TimeUnit.MILLISECONDS.sleep(latencyMillis);   // the provider's round trip
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while charging", e);
        }
        Outcome outcome = declines(amount) ? Outcome.DECLINED : Outcome.CHARGED;
        em.createNativeQuery("""
                        INSERT INTO payment_charge (charge_key, order_id, amount, outcome) VALUES (?1, ?2, ?3, ?4)
                        ON CONFLICT (charge_key) DO NOTHING""")
                .setParameter(1, key).setParameter(2, orderId).setParameter(3, amount).setParameter(4, outcome.name())
                .executeUpdate();
        String recorded = (String) em.createNativeQuery("SELECT outcome FROM payment_charge WHERE charge_key = ?1")
                .setParameter(1, key).getSingleResult();
        return Outcome.valueOf(recorded);
    }

    /** The test card of this provider: amounts ending in .13 are declined. */
    static boolean declines(BigDecimal amount) {
        return amount.remainder(BigDecimal.ONE).movePointRight(2).intValue() == 13;
    }
}
