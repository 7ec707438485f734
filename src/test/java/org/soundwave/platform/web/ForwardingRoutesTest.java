package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.soundwave.platform.web.ServletFakes.forwardOf;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** How a route table forwards a request: whole-path match, first route wins, context path ignored. */
class ForwardingRoutesTest {

    private static ForwardingRoutes routes(ForwardingRoutes.Route... table) {
        return new ForwardingRoutes() {
            @Override
            protected List<Route> routes() {
                return List.of(table);
            }
        };
    }

    private static final ForwardingRoutes THINGS = routes(
            new ForwardingRoutes.Route(Pattern.compile("/things"), "/things.xhtml", null),
            new ForwardingRoutes.Route(Pattern.compile("/things/([0-9]+)"), "/thing.xhtml", "id"));

    @Test
    void forwardsAMatchingPathToItsViewWithTheCapturedSegmentAsParameter() throws Exception {
        assertEquals(Optional.of("/thing.xhtml?id=7"), forwardOf(THINGS, "", "/things/7"));
    }

    @Test
    void forwardsARouteWithoutParameterToTheBareView() throws Exception {
        assertEquals(Optional.of("/things.xhtml"), forwardOf(THINGS, "", "/things"));
    }

    @Test
    void matchesThePathBelowTheContextPath() throws Exception {
        assertEquals(Optional.of("/thing.xhtml?id=7"), forwardOf(THINGS, "/soundwave", "/soundwave/things/7"));
        assertEquals(Optional.of("/things.xhtml"), forwardOf(THINGS, "/soundwave", "/soundwave/things"));
        assertEquals(Optional.empty(), forwardOf(THINGS, "/soundwave", "/soundwave/soundwave/things/7"));
    }

    @Test
    void passesAPathNoRouteMatchesDownTheChain() throws Exception {
        assertEquals(Optional.empty(), forwardOf(THINGS, "", "/other"));
        assertEquals(Optional.empty(), forwardOf(THINGS, "", "/"));
    }

    @Test
    void requiresTheWholePathToMatchNotJustAPart() throws Exception {
        for (String path : List.of("/things/7/edit", "/prefix/things/7", "/things/", "/thingsx", "/things/7x")) {
            assertEquals(Optional.empty(), forwardOf(THINGS, "", path), path);
        }
    }

    @Test
    void theFirstMatchingRouteWins() throws Exception {
        ForwardingRoutes overlapping = routes(
                new ForwardingRoutes.Route(Pattern.compile("/items/(new)"), "/item-edit.xhtml", null),
                new ForwardingRoutes.Route(Pattern.compile("/items/([a-z]+)"), "/item.xhtml", "name"));
        assertEquals(Optional.of("/item-edit.xhtml"), forwardOf(overlapping, "", "/items/new"));
        assertEquals(Optional.of("/item.xhtml?name=old"), forwardOf(overlapping, "", "/items/old"));
    }
}
