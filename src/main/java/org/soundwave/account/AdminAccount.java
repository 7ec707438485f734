package org.soundwave.account;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the administrator at first start, with the password bin/cluster generated (or the operator
 * set) and passes as SOUNDWAVE_ADMIN_PASSWORD. Nodes starting together create it once; an existing
 * administrator is left as it is.
 */
@Startup
@Singleton
@DependsOn("SchemaMigration")
@TransactionManagement(TransactionManagementType.BEAN)
public class AdminAccount {

    static final String USERNAME = "admin";

    private static final Logger LOG = Logger.getLogger(AdminAccount.class.getName());

    @Inject
    AccountService accounts;

    @Inject
    @ConfigProperty(name = "soundwave.admin.password")
    Optional<String> password;

    @PostConstruct
    void ensure() {
        if (password.filter(p -> !p.isBlank()).isEmpty()) {
            LOG.warning("soundwave.admin.password is not set: no administrator created");
            return;
        }
        if (accounts.ensureAdmin(USERNAME, "admin@soundwave.invalid", password.get())) {
            LOG.info("Created the administrator account 'admin'");
        }
    }
}
