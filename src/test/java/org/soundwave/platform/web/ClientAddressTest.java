package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.web.ServletFakes.requestFrom;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The client's address: its peer's, or behind our httpd (a loopback peer or the balancer's host) the last X-Forwarded-For hop. */
class ClientAddressTest {

    @Test
    void aDirectClientIsItsPeerAddress() {
        assertEquals("203.0.113.9", ClientAddress.of(requestFrom("203.0.113.9", Map.of())));
    }

    @Test
    void aClientNotBehindOurProxyCannotChooseItsAddressWithAHeader() {
        assertEquals("203.0.113.9", ClientAddress.of(requestFrom("203.0.113.9", Map.of("X-Forwarded-For", "10.0.0.1"))));
        assertEquals("::ffff:127.0.0.1", ClientAddress.of(requestFrom("::ffff:127.0.0.1", Map.of("X-Forwarded-For", "10.0.0.1"))));
    }

    @ParameterizedTest(name = "peer {0}")
    @ValueSource(strings = {"127.0.0.1", "127.0.1.1", "::1", "0:0:0:0:0:0:0:1"})
    void behindOurProxyTheClientIsTheAddressItAppendedLast(String loopback) {
        assertEquals("198.51.100.7", ClientAddress.of(requestFrom(loopback, Map.of("X-Forwarded-For", "198.51.100.7"))));
        // Whatever the client put in the header itself comes first and is ignored.
        assertEquals("198.51.100.7", ClientAddress.of(requestFrom(loopback, Map.of("X-Forwarded-For", "10.0.0.1, 1.2.3.4,198.51.100.7"))));
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {",", "", " ", " , "})
    void aForwardedHeaderThatNamesNobodyLeavesThePeer(String header) {
        assertEquals("127.0.0.1", ClientAddress.of(requestFrom("127.0.0.1", Map.of("X-Forwarded-For", header))));
    }

    @Test
    void onHostsTheBalancersAddressIsTrustedLikeLoopbackAndNoOtherOne() {
        assertEquals("198.51.100.7", ClientAddress.of(requestFrom("198.18.0.2", Map.of("X-Forwarded-For", "198.51.100.7")), "198.18.0.2"));
        assertEquals("198.18.0.12", ClientAddress.of(requestFrom("198.18.0.12", Map.of("X-Forwarded-For", "198.51.100.7")), "198.18.0.2"),
                "another host of the network is not the balancer");
        assertEquals("198.18.0.2", ClientAddress.of(requestFrom("198.18.0.2", Map.of("X-Forwarded-For", "198.51.100.7")), null),
                "no balancer address set: loopback only");
    }

    @ParameterizedTest(name = "\"{0}\"")
    @ValueSource(strings = {"", "  "})
    void aBlankBalancerSettingTrustsNoExtraAddress(String setting) {
        assertEquals(null, ClientAddress.balancerAddress(setting));
        assertEquals("198.18.0.2", ClientAddress.balancerAddress(" 198.18.0.2 "));
    }

    @Test
    void aLoopbackPeerWithoutTheHeaderIsItself() {
        assertEquals("127.0.0.1", ClientAddress.of(requestFrom("127.0.0.1", Map.of())));
    }
}
