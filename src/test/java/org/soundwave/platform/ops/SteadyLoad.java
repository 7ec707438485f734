package org.soundwave.platform.ops;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Concurrent users at a steady pace, for tests that start nodes under load (deploys, add-node): each user
 * requests the URL, waits for the answer, pauses, and again, until stopped; the totals count like ab's.
 * <p>
 * Not ApacheBench's flat-out loop on purpose: on this 2-core machine ab saturates every core, and a node
 * starting meanwhile takes six times as long (Payara Micro "ready in" 120 s instead of 20 s), which made
 * one rolling deploy a seven-minute test without exercising anything more. A switch that drops requests
 * drops them at any rate: with 50 users every node change still happens with requests in flight.
 */
final class SteadyLoad {

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final LongAdder complete = new LongAdder();
    private final LongAdder failed = new LongAdder();
    private final Map<Integer, LongAdder> non2xx = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> errors = new ConcurrentHashMap<>();
    private final List<Thread> users = new ArrayList<>();

    private SteadyLoad() {
    }

    /** Starts {@code users} users requesting {@code url}, each pausing {@code pause} between its requests. */
    static SteadyLoad start(int users, Duration pause, String url) {
        SteadyLoad load = new SteadyLoad();
        HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60)).build();
        for (int i = 0; i < users; i++) {
            Thread user = new Thread(() -> load.run(request, pause), "steady-load-" + i);
            user.setDaemon(true);
            load.users.add(user);
            user.start();
        }
        return load;
    }

    private void run(HttpRequest request, Duration pause) {
        while (running.get()) {
            try {
                int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
                complete.increment();
                if (status < 200 || status > 299) {
                    non2xx.computeIfAbsent(status, s -> new LongAdder()).increment();
                }
            } catch (IOException e) {
                complete.increment();
                failed.increment();
                errors.computeIfAbsent(e.getClass().getSimpleName() + ": " + e.getMessage(), m -> new LongAdder()).increment();
            } catch (InterruptedException e) {
                return;
            }
            try {
                TimeUnit.MILLISECONDS.sleep(pause.toMillis());   // the user's think time, not synchronisation
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Stops every user once its request in flight has been answered, and counts. */
    ApacheBench.Totals stop() {
        running.set(false);
        for (Thread user : users) {
            try {
                user.join(TimeUnit.SECONDS.toMillis(90));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            if (user.isAlive()) {
                throw new AssertionError(user.getName() + " did not stop");
            }
        }
        long non2xxTotal = non2xx.values().stream().mapToLong(LongAdder::sum).sum();
        String output = users.size() + " users: " + complete.sum() + " requests, " + failed.sum() + " failed "
                + count(errors) + ", " + non2xxTotal + " not 2xx " + count(non2xx);
        return new ApacheBench.Totals(complete.sum(), failed.sum(), non2xxTotal, output);
    }

    private static <K> Map<K, Long> count(Map<K, LongAdder> counters) {
        Map<K, Long> counts = new TreeMap<>();
        counters.forEach((key, n) -> counts.put(key, n.sum()));
        return counts;
    }
}
