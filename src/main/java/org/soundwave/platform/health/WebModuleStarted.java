package org.soundwave.platform.health;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Marks the moment the web module has started its servlets (this one loads last, after the Faces
 * servlet). Until then the node's HTTP listener answers the application's paths with 404 although
 * CDI (and so the health checks) already runs, so readiness waits for this mark.
 */
@WebServlet(name = "webModuleStarted", urlPatterns = "/.web-module-started", loadOnStartup = 1000)
public class WebModuleStarted extends HttpServlet {

    static final AtomicBoolean STARTED = new AtomicBoolean();

    @Inject
    WarmUp warmUp;

    @Override
    public void init() {
        STARTED.set(true);
        warmUp.start();   // readiness waits for it too
    }

    @Override
    public void destroy() {
        STARTED.set(false);
    }
}
