package org.soundwave.platform;

import org.eclipse.persistence.sessions.DatabaseLogin;
import org.eclipse.persistence.sessions.Session;
import org.eclipse.persistence.sessions.SessionCustomizer;

/**
 * EclipseLink retries a read that failed for want of the database three times, a second apart, before it
 * gives up: a request that meets an outage would hang ten seconds. The pool and DatabaseAvailability do the
 * waiting and the retrying here, so a failed read fails at once (named in persistence.xml,
 * {@code eclipselink.session.customizer}).
 */
public class DatabaseSessionCustomizer implements SessionCustomizer {

    @Override
    public void customize(Session session) {
        if (session.getDatasourceLogin() instanceof DatabaseLogin login) {
            login.setQueryRetryAttemptCount(0);
            login.setDelayBetweenConnectionAttempts(0);
        }
    }
}
