package org.soundwave.platform.health;

import java.util.ArrayDeque;

/**
 * How busy the JIT compilers have been lately, from samples of the JVM's total compilation time
 * ({@code CompilationMXBean.getTotalCompilationTime()}, milliseconds summed over the compiler threads): quiet
 * when, over the last {@code windowMillis}, the compilers spent less than {@code quietPerMille} thousandths of
 * that time compiling. Used by the warm-up pass ({@link WarmUp}) to go on until C2 has caught up.
 */
final class JitActivity {

    private record Sample(long atMillis, long compileMillis) { }

    private final long windowMillis;
    private final int quietPerMille;
    private final ArrayDeque<Sample> samples = new ArrayDeque<>();

    JitActivity(long windowMillis, int quietPerMille) {
        if (windowMillis <= 0 || quietPerMille < 0) {
            throw new IllegalArgumentException("a window > 0 and a quiet share >= 0, not " + windowMillis + ", " + quietPerMille);
        }
        this.windowMillis = windowMillis;
        this.quietPerMille = quietPerMille;
    }

    /** Records the total compilation time at a moment (both in milliseconds, the moment on a monotonic clock). */
    void sample(long atMillis, long compileMillis) {
        samples.addLast(new Sample(atMillis, compileMillis));
        // Keep the newest sample at or before the window's start, so the window stays covered.
        while (samples.size() > 2 && secondOldest().atMillis() <= atMillis - windowMillis) {
            samples.removeFirst();
        }
    }

    /** Whether a whole window has been sampled and the compilers were quiet over it. */
    boolean quiet() {
        if (samples.size() < 2) {
            return false;
        }
        Sample first = samples.peekFirst();
        Sample last = samples.peekLast();
        long span = last.atMillis() - first.atMillis();
        return span >= windowMillis && (last.compileMillis() - first.compileMillis()) * 1000 < (long) quietPerMille * span;
    }

    private Sample secondOldest() {
        var it = samples.iterator();
        it.next();
        return it.next();
    }
}
