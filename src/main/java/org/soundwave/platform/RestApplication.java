package org.soundwave.platform;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The JSON API for integrators, under /api. A CDI bean, so MicroProfile annotations on it are seen. */
@ApplicationPath("api")
@ApplicationScoped
public class RestApplication extends Application {
}
