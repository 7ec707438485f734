package org.soundwave.platform.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The JIT is quiet when its compilers spent less than the quiet share of a whole window compiling. */
class JitActivityTest {

    /** A 3-second window, quiet below a quarter of a core. */
    private final JitActivity activity = new JitActivity(3000, 250);

    @Test
    void notQuietBeforeAWholeWindowHasBeenSampled() {
        activity.sample(0, 1000);
        assertFalse(activity.quiet(), "one sample");
        activity.sample(2999, 1000);
        assertFalse(activity.quiet(), "no compiling, but less than the window");
        activity.sample(3000, 1000);
        assertTrue(activity.quiet(), "no compiling over the whole window");
    }

    @Test
    void compilersBusyAtOrAboveTheShareAreNotQuiet() {
        activity.sample(0, 0);
        activity.sample(3000, 750);
        assertFalse(activity.quiet(), "750 ms in 3 s is a quarter, not less");
        activity.sample(6000, 1490);
        assertTrue(activity.quiet(), "740 ms over the last 3 s");
    }

    @Test
    void aBusyStretchLeavesTheWindowOnceItIsOlderThanTheWindow() {
        activity.sample(0, 0);
        activity.sample(1000, 5000);   // two compiler threads busy for a while
        activity.sample(3500, 5000);
        assertFalse(activity.quiet(), "the busy second is still inside the last 3 s");
        activity.sample(4000, 5100);
        assertTrue(activity.quiet(), "from 1 s to 4 s: 100 ms");
    }

    @Test
    void manySamplesWithinTheWindowAllCount() {
        for (int t = 0; t <= 3000; t += 100) {
            activity.sample(t, t / 3);   // a third of a core all along
        }
        assertFalse(activity.quiet());
        for (int t = 3100; t <= 6000; t += 100) {
            activity.sample(t, 1000 + (t - 3000) / 10);   // then a tenth
        }
        assertTrue(activity.quiet());
    }

    @Test
    void aWindowAndAShareAreRequired() {
        assertThrows(IllegalArgumentException.class, () -> new JitActivity(0, 250));
        assertThrows(IllegalArgumentException.class, () -> new JitActivity(3000, -1));
    }
}
