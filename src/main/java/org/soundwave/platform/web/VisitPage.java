package org.soundwave.platform.web;

import com.hazelcast.cluster.Member;
import com.hazelcast.core.HazelcastInstance;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.time.Instant;
import java.util.List;
import org.soundwave.platform.NodeIdentity;

/**
 * Backs the "your visit" page: which node served this request, the data grid as this node sees it, and
 * the visit history kept in the visitor's (replicated) session.
 */
@Named
@RequestScoped
public class VisitPage {

    static final String HISTORY = "soundwave.visitHistory";

    @Inject
    NodeIdentity node;

    @Inject
    HttpServletRequest request;

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    private VisitHistory history = VisitHistory.empty();

    /** Records this page view in the session; set back each time so the change is replicated. */
    public void record() {
        HttpSession session = request.getSession(true);
        Object stored = session.getAttribute(HISTORY);
        VisitHistory previous = stored instanceof VisitHistory h ? h : VisitHistory.empty();
        history = previous.with(new VisitHistory.Visit(node.name(), Instant.now()));
        session.setAttribute(HISTORY, history);
    }

    public String getNode() {
        return node.name();
    }

    public VisitHistory getHistory() {
        return history;
    }

    public List<String> getMembers() {
        return hazelcast.getCluster().getMembers().stream()
                .map(Member::getAddress)
                .map(a -> a.getHost() + ":" + a.getPort())
                .sorted()
                .toList();
    }
}
