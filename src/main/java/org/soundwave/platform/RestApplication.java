package org.soundwave.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;

/**
 * The JSON API for integrators, under /api. Callers authenticate with a bearer token that MicroProfile
 * JWT verifies (account/TokenService issues them). A CDI bean, so MicroProfile sees these annotations.
 * Its contract is written first, in {@code META-INF/openapi.yaml}, and served as is at /openapi.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "soundwave")
@DeclareRoles({"member", "admin"})
public class RestApplication extends Application {
}
