package org.soundwave.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One stored page, filled in for visitors, members, owners and administrators. */
class PageTemplateTest {

    /** A page as the layout renders it in template mode, with a reader's text that looks like the markup. */
    private static final String PAGE = "<header>"
            + PageTemplate.open("visitor", null) + "<a>Sign in</a>" + PageTemplate.close()
            + PageTemplate.open("member", null) + "Signed in as <b>{{sw:name}}</b> <input value=\"{{sw:token}}\"/>" + PageTemplate.close()
            + "</header><nav>Blog" + PageTemplate.open("admin", null) + " Admin" + PageTemplate.close() + "</nav>"
            + "<h1>Ünïcode &lt;!--sw:end--&gt; {{sw:name}}</h1>"
            + PageTemplate.open("owner", "alice") + "<a>Edit</a>" + PageTemplate.close() + "<footer/>";

    private static final PageTemplate TEMPLATE = PageTemplate.parse(PAGE, StandardCharsets.UTF_8);

    private static String fill(String name, boolean admin) {
        return new String(TEMPLATE.fill(new PageTemplate.Viewer(name, admin, "t0k-en")), StandardCharsets.UTF_8);
    }

    @Test
    void aVisitorGetsTheVisitorsPartsAndNoMarkers() {
        assertEquals("<header><a>Sign in</a></header><nav>Blog</nav><h1>Ünïcode &lt;!--sw:end--&gt; {{sw:name}}</h1><footer/>",
                new String(TEMPLATE.visitorBody(), StandardCharsets.UTF_8));
    }

    @Test
    void aMemberGetsTheirNameAndTokenInTheirPartsOnly() {
        assertEquals("<header>Signed in as <b>bob</b> <input value=\"t0k-en\"/></header><nav>Blog</nav>"
                + "<h1>Ünïcode &lt;!--sw:end--&gt; {{sw:name}}</h1><footer/>", fill("bob", false));
    }

    @Test
    void theOwnerAndAnAdministratorGetTheOwnersPart() {
        assertTrue(fill("Alice", false).contains("<a>Edit</a>"), "usernames compare ignoring case, as BlogService.mayEdit");
        assertTrue(fill("root", true).contains("<nav>Blog Admin</nav>"));
        assertTrue(fill("root", true).contains("<a>Edit</a>"));
        assertTrue(!fill("bob", false).contains("Edit") && !fill("bob", false).contains("Admin"));
    }

    @Test
    void aFormForEveryoneCarriesTheMembersTokenOrAVisitorsEmptyOne() {
        PageTemplate form = PageTemplate.parse("<form>" + PageTemplate.open("visitor", null) + "<input value=\"{{sw:token}}\"/>"
                + PageTemplate.close() + PageTemplate.open("member", null) + "<input value=\"{{sw:token}}\"/>" + PageTemplate.close()
                + "</form>", StandardCharsets.UTF_8);
        assertEquals("<form><input value=\"\"/></form>", new String(form.visitorBody(), StandardCharsets.UTF_8));
        assertEquals("<form><input value=\"t\"/></form>",
                new String(form.fill(new PageTemplate.Viewer("bob", false, "t")), StandardCharsets.UTF_8));
    }

    @Test
    void theFilledValuesAreEscaped() {
        String page = new String(TEMPLATE.fill(new PageTemplate.Viewer("a<b", false, "\"x&")), StandardCharsets.UTF_8);
        assertTrue(page.contains("<b>a&lt;b</b> <input value=\"&quot;x&amp;\"/>"), page);
    }

    @Test
    void theRuleIsTheSameForPagesRenderedAsTheyAre() {
        PageTemplate.Viewer alice = new PageTemplate.Viewer("alice", false, "");
        assertTrue(PageTemplate.shows(PageTemplate.When.VISITOR, null, null));
        assertTrue(!PageTemplate.shows(PageTemplate.When.MEMBER, null, null));
        assertTrue(PageTemplate.shows(PageTemplate.When.OWNER, "alice", alice));
        assertTrue(!PageTemplate.shows(PageTemplate.When.OWNER, "bob", alice));
        assertTrue(!PageTemplate.shows(PageTemplate.When.ADMIN, null, alice));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "a<!--sw:end-->b",                                   // an end with no section
            "<!--sw:if member-->a",                               // a section not closed
            "<!--sw:if member--><!--sw:if admin-->a<!--sw:end--><!--sw:end-->",   // nested
            "<!--sw:if everyone-->a<!--sw:end-->",                // no such reader
            "<!--sw:if owner a b-->a<!--sw:end-->",               // not a username
    })
    void markupWhoseMarkersDoNotPairUpIsRefused(String page) {
        assertThrows(IllegalArgumentException.class, () -> PageTemplate.parse(page, StandardCharsets.UTF_8));
    }

    @Test
    void anOwnerMustBeAUsername() {
        assertThrows(IllegalArgumentException.class, () -> PageTemplate.open("owner", "--><script>"));
        assertThrows(IllegalArgumentException.class, () -> PageTemplate.open("owner", null));
        assertThrows(IllegalArgumentException.class, () -> PageTemplate.open("nobody", null));
    }

    @Test
    void itTravelsThroughTheDataGrid() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(TEMPLATE);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            PageTemplate copy = (PageTemplate) in.readObject();
            assertArrayEquals(TEMPLATE.visitorBody(), copy.visitorBody());
            assertArrayEquals(TEMPLATE.fill(new PageTemplate.Viewer("root", true, "t")), copy.fill(new PageTemplate.Viewer("root", true, "t")));
        }
    }
}
