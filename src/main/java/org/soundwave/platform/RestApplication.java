package org.soundwave.platform;

import jakarta.annotation.security.DeclareRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.auth.LoginConfig;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;

/**
 * The JSON API for integrators, under /api. Callers authenticate with a bearer token that MicroProfile
 * JWT verifies (account/TokenService issues them). A CDI bean, so MicroProfile sees these annotations.
 */
@ApplicationPath("api")
@ApplicationScoped
@LoginConfig(authMethod = "MP-JWT", realmName = "soundwave")
@DeclareRoles({"member", "admin"})
@OpenAPIDefinition(info = @Info(title = "Soundwave API", version = "1",
        description = "Accounts and tokens for integrators. Errors are RFC 9457 problems (application/problem+json)."))
@SecurityScheme(securitySchemeName = RestApplication.BEARER, type = SecuritySchemeType.HTTP, scheme = "bearer",
        bearerFormat = "JWT", description = "An access token from POST /api/auth/token")
public class RestApplication extends Application {

    /** The name of the bearer-token security scheme in the OpenAPI document. */
    public static final String BEARER = "bearer";
}
