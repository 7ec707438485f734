package org.soundwave.account;

import com.hazelcast.config.MapConfig;
import com.hazelcast.config.MergePolicyConfig;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.query.Predicates;
import com.hazelcast.spi.merge.DiscardMergePolicy;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The page sign-ins that are still valid, kept in the data grid (sign-in id → account id). A session names
 * its sign-in, and the authentication mechanism looks it up on every request, on whichever node: so
 * ending a sign-in here ends the session everywhere at once, even on a node that still holds a local copy
 * of it. Sign-out ends one; revoking a member's access ends all of theirs.
 * <p>
 * An entry is forgotten after the session's idle time without a request. After a network partition heals,
 * the smaller side's entries are dropped (DiscardMergePolicy): a sign-out on the larger side stays a
 * sign-out, and a sign-in made on the smaller side meanwhile has to sign in again.
 */
@ApplicationScoped
public class SignIns {

    static final String MAP = "soundwave-sign-ins";

    private static final SecureRandom RANDOM = new SecureRandom();

    @Resource(lookup = "payara/Hazelcast")
    HazelcastInstance hazelcast;

    @PostConstruct
    void declare() {
        hazelcast.getConfig().addMapConfig(new MapConfig(MAP)
                .setMergePolicyConfig(new MergePolicyConfig(DiscardMergePolicy.class.getName(), MergePolicyConfig.DEFAULT_BATCH_SIZE)));
    }

    /** Records a new sign-in of the account, forgotten after {@code idle} without a request (zero: never), and names it. */
    public String start(long accountId, Duration idle) {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        map().set(id, accountId, 0, TimeUnit.SECONDS, Math.max(0, idle.toSeconds()), TimeUnit.SECONDS);
        return id;
    }

    /** Whether the sign-in is still valid for this account (and, being read, not idle). */
    public boolean isValid(String signInId, long accountId) {
        if (signInId == null) {
            return false;
        }
        Long account = map().get(signInId);
        return account != null && account == accountId;
    }

    /** Ends one sign-in: its session is signed out on every node. */
    public void end(String signInId) {
        if (signInId != null) {
            map().delete(signInId);
        }
    }

    /** Ends every sign-in of the account. */
    public void endAll(long accountId) {
        map().removeAll(Predicates.equal("this", accountId));
    }

    private IMap<String, Long> map() {
        return hazelcast.getMap(MAP);
    }
}
