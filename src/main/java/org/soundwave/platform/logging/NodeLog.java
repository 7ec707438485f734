package org.soundwave.platform.logging;

import jakarta.inject.Inject;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * While the application runs, the node logs through an {@link AsyncLogHandler} instead of the JDK's
 * ConsoleHandler (whose lock every logging thread shares): at start it takes the console handlers off the
 * root logger and puts the asynchronous one, writing to the same standard output, in their place; at
 * stop it puts them back, so the server's own shutdown messages still reach the log. Records the handler
 * had to drop (its queue full) are counted in {@code soundwave_log_dropped_total}. The log's rotation and
 * bound are bin/cluster's (rotatelogs).
 */
@WebListener
public class NodeLog implements ServletContextListener {

    /** Records the queue holds at most before it drops new ones. */
    static final int CAPACITY = 20_000;

    @Inject
    MetricRegistry metrics;

    private final List<Handler> replaced = new ArrayList<>();
    private AsyncLogHandler async;

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Logger root = Logger.getLogger("");
        async = new AsyncLogHandler(new PrintStream(new BufferedOutputStream(new FileOutputStream(FileDescriptor.out), 1 << 16),
                false, StandardCharsets.UTF_8), CAPACITY);
        for (Handler handler : root.getHandlers()) {
            if (handler instanceof ConsoleHandler) {
                async.setLevel(handler.getLevel());
                replaced.add(handler);
            }
        }
        root.addHandler(async);
        replaced.forEach(root::removeHandler);
        metrics.gauge(Metadata.builder().withName("soundwave.log.dropped")
                .withDescription("Log records dropped because the log writer's queue was full").build(), async, AsyncLogHandler::dropped);
    }

    @Override
    public void contextDestroyed(ServletContextEvent event) {
        Logger root = Logger.getLogger("");
        replaced.forEach(root::addHandler);
        root.removeHandler(async);
        async.close();
    }
}
