import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A network that takes its time: a TCP forwarder that delivers every byte a fixed delay after it
 * arrived, in each direction, so a connection through it has a round trip that much longer per
 * direction, without limiting throughput (bytes in flight are queued, not held back one by one).
 * bin/cluster delay puts it in front of PostgreSQL on its host, for measuring the application over a
 * slow network where the kernel has no netem qdisc ("tc qdisc ... netem": "Specified qdisc kind is
 * unknown").
 * <p>
 * Usage: java bin/lib/DelayProxy.java LISTEN-ADDRESS LISTEN-PORT TARGET-ADDRESS TARGET-PORT DELAY-MS
 */
public class DelayProxy {

    /** A chunk of bytes and when it may leave; an empty chunk marks the end of the stream. */
    private record Chunk(byte[] bytes, long dueNanos) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 5) {
            System.err.println("usage: DelayProxy LISTEN-ADDRESS LISTEN-PORT TARGET-ADDRESS TARGET-PORT DELAY-MS");
            System.exit(2);
        }
        InetSocketAddress target = new InetSocketAddress(args[2], Integer.parseInt(args[3]));
        long delayNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(args[4]));
        try (ServerSocket server = new ServerSocket(Integer.parseInt(args[1]), 512, InetAddress.getByName(args[0]))) {
            System.err.println("delaying " + args[0] + ":" + args[1] + " -> " + target + " by " + args[4] + " ms each way");
            while (true) {
                Socket client = server.accept();
                start(() -> connect(client, target, delayNanos));
            }
        }
    }

    private static void connect(Socket client, InetSocketAddress target, long delayNanos) {
        try {
            Socket upstream = new Socket();
            upstream.connect(target, 5_000);
            client.setTcpNoDelay(true);
            upstream.setTcpNoDelay(true);
            AtomicInteger open = new AtomicInteger(2);   // directions still carrying bytes
            pipe(client, upstream, delayNanos, open);
            pipe(upstream, client, delayNanos, open);
        } catch (IOException e) {
            close(client);
        }
    }

    /** One direction: a reader stamps each chunk with its due time, a writer sends it then. */
    private static void pipe(Socket from, Socket to, long delayNanos, AtomicInteger open) {
        BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
        start(() -> {
            byte[] buffer = new byte[64 * 1024];
            try (InputStream in = from.getInputStream()) {
                int n;
                while ((n = in.read(buffer)) > 0) {
                    queue.add(new Chunk(Arrays.copyOf(buffer, n), System.nanoTime() + delayNanos));
                }
            } catch (IOException ignored) {
                // the connection ended: the writer ends it on the other side, after what is queued
            }
            queue.add(new Chunk(new byte[0], System.nanoTime() + delayNanos));
        });
        start(() -> {
            try {
                OutputStream out = to.getOutputStream();
                while (true) {
                    Chunk chunk = queue.take();
                    long wait = chunk.dueNanos() - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                    if (chunk.bytes().length == 0) {
                        break;
                    }
                    out.write(chunk.bytes());
                    out.flush();
                }
                to.shutdownOutput();
                if (open.decrementAndGet() == 0) {
                    close(from);
                    close(to);
                }
            } catch (IOException | InterruptedException e) {
                close(from);
                close(to);
            }
        });
    }

    private static void start(Runnable task) {
        Thread thread = new Thread(task);
        thread.setDaemon(true);
        thread.start();
    }

    private static void close(Socket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
