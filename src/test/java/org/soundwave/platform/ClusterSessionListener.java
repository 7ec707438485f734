package org.soundwave.platform;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/** Stops the shared test cluster when the test run ends, whichever test started it. */
public class ClusterSessionListener implements LauncherSessionListener {

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        TestCluster.stopIfStarted();
    }
}
