package org.soundwave.platform.web;

import java.io.ByteArrayOutputStream;
import java.io.Serial;
import java.io.Serializable;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A cached page with its personal parts left open, so that a signed-in member can be served the visitors'
 * shared page with their own header and forms filled in, without rendering (hole punching).
 * <p>The page cache renders the pages it stores in template mode ({@link PersonalParts}): every
 * personal part of the page is rendered for every kind of reader, each between markers, and the member's
 * own values as placeholders:
 * <pre>
 * &lt;!--sw:if visitor--&gt; ... &lt;!--sw:end--&gt;        for a reader who is not signed in
 * &lt;!--sw:if member--&gt; ... &lt;!--sw:end--&gt;         for a signed-in member
 * &lt;!--sw:if admin--&gt; ... &lt;!--sw:end--&gt;          for an administrator
 * &lt;!--sw:if owner NAME--&gt; ... &lt;!--sw:end--&gt;     for the member NAME, or an administrator
 * {{sw:name}}, {{sw:token}}                   the member's name and form token (inside sections;
 *                                             a visitor's are empty: no session, no token)
 * </pre>
 * Markers come only from the layout's {@code <sw:personal>} tag: readers' text is escaped when rendered, so
 * it cannot contain {@code <!--}. Placeholders are recognised only inside sections, which hold no reader's
 * text. {@link #visitorBody()} is the page a visitor gets; {@link #fill} the page of a member. Sections do
 * not nest.
 */
public final class PageTemplate implements Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Who a section is for. */
    public enum When {
        VISITOR, MEMBER, ADMIN, OWNER;

        static When of(String name) {
            return valueOf(name.toUpperCase(java.util.Locale.ROOT));
        }
    }

    /** The signed-in member a page is filled for: their name, whether they are an administrator, their form token. */
    public record Viewer(String name, boolean admin, String token) {
        Viewer withToken(String formToken) {
            return new Viewer(name, admin, formToken);
        }
    }

    /** A section's owner is a username (see Registration.USERNAME): it goes into a marker as is. */
    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9._-]{1,60}");
    private static final String MARK = "<!--sw:";
    private static final Pattern MARKER = Pattern.compile("<!--sw:(?:if (visitor|member|admin|owner ([A-Za-z0-9._-]{1,60}))|(end))-->");
    private static final Pattern SLOT = Pattern.compile("\\{\\{sw:(name|token)}}");
    private static final String NAME = "{{sw:name}}";
    private static final String TOKEN = "{{sw:token}}";

    /** A run of the page: literal bytes, or a placeholder; in a section for {@code when} (null: for everyone). */
    private record Part(When when, String owner, byte[] text, boolean name) implements Serializable {
        @Serial
        private static final long serialVersionUID = 1L;
    }

    private final List<Part> parts;
    private final String charset;
    /** Made again from the parts after the data grid hands a copy over: the page is stored once. */
    private transient byte[] visitorBody;

    private PageTemplate(List<Part> parts, Charset charset) {
        this.parts = List.copyOf(parts);
        this.charset = charset.name();
    }

    /** The marker that opens a section for {@code when} ("visitor", "member", "admin" or "owner" with its owner). */
    public static String open(String when, String owner) {
        When section = When.of(when);
        if (section != When.OWNER) {
            return MARK + "if " + section.name().toLowerCase(java.util.Locale.ROOT) + "-->";
        }
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw new IllegalArgumentException("a section's owner must be a username: " + owner);
        }
        return MARK + "if owner " + owner + "-->";
    }

    /** The marker that closes a section. */
    public static String close() {
        return MARK + "end-->";
    }

    /** The placeholder for the member's name, in template mode. */
    public static String namePlaceholder() {
        return NAME;
    }

    /** The placeholder for the member's form token, in template mode. */
    public static String tokenPlaceholder() {
        return TOKEN;
    }

    /** Whether a section for {@code when} shows to this reader (null: a visitor): the one rule pages and fills share. */
    public static boolean shows(When when, String owner, Viewer viewer) {
        return switch (when) {
            case VISITOR -> viewer == null;
            case MEMBER -> viewer != null;
            case ADMIN -> viewer != null && viewer.admin();
            case OWNER -> viewer != null && (viewer.admin() || viewer.name().equalsIgnoreCase(owner));
        };
    }

    /**
     * Reads a page rendered in template mode.
     *
     * @throws IllegalArgumentException if its markers do not pair up (a fault of the page's markup)
     */
    public static PageTemplate parse(String page, Charset charset) {
        List<Part> parts = new ArrayList<>();
        Matcher marker = MARKER.matcher(page);
        When open = null;
        String owner = null;
        int from = 0;
        while (true) {
            int at = page.indexOf(MARK, from);
            if (at < 0) {
                break;
            }
            if (!marker.region(at, page.length()).lookingAt()) {
                throw new IllegalArgumentException("not a template marker at " + at + ": " + excerpt(page, at));
            }
            addText(parts, open, owner, page.substring(from, at), charset);
            if (marker.group(3) != null) {
                if (open == null) {
                    throw new IllegalArgumentException("a section ends that was not opened, at " + at);
                }
                open = null;
                owner = null;
            } else {
                if (open != null) {
                    throw new IllegalArgumentException("sections do not nest: one opens at " + at + " inside another");
                }
                owner = marker.group(2);
                open = owner != null ? When.OWNER : When.of(marker.group(1));
            }
            from = marker.end();
        }
        if (open != null) {
            throw new IllegalArgumentException("a section for " + open + " is not closed");
        }
        addText(parts, null, null, page.substring(from), charset);
        return new PageTemplate(parts, charset);
    }

    /** Literal text, with the reader's placeholders picked out inside a section. */
    private static void addText(List<Part> parts, When when, String owner, String text, Charset charset) {
        if (text.isEmpty()) {
            return;
        }
        if (when == null) {
            parts.add(new Part(when, owner, text.getBytes(charset), false));
            return;
        }
        Matcher slot = SLOT.matcher(text);
        int from = 0;
        while (slot.find()) {
            if (slot.start() > from) {
                parts.add(new Part(when, owner, text.substring(from, slot.start()).getBytes(charset), false));
            }
            parts.add(new Part(when, owner, null, "name".equals(slot.group(1))));
            from = slot.end();
        }
        if (from < text.length()) {
            parts.add(new Part(when, owner, text.substring(from).getBytes(charset), false));
        }
    }

    /** The page as a visitor gets it: their sections, no markers. */
    public byte[] visitorBody() {
        if (visitorBody == null) {
            visitorBody = fill(null);
        }
        return visitorBody;
    }

    /** The page as this member gets it: their sections, their name and token, no markers. */
    public byte[] fill(Viewer viewer) {
        Charset encoding = Charset.forName(charset);
        ByteArrayOutputStream out = new ByteArrayOutputStream(32 * 1024);
        for (Part part : parts) {
            if (part.when() != null && !shows(part.when(), part.owner(), viewer)) {
                continue;
            }
            byte[] bytes = part.text() != null ? part.text()
                    : viewer == null ? new byte[0]
                    : escape(part.name() ? viewer.name() : viewer.token()).getBytes(encoding);
            out.write(bytes, 0, bytes.length);
        }
        return out.toByteArray();
    }

    /** Text for HTML content or a quoted attribute. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    private static String excerpt(String page, int at) {
        return page.substring(at, Math.min(page.length(), at + 40));
    }
}
