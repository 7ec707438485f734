package org.soundwave.platform.web;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Renders a response into memory so the page cache can decide whether to keep it: records the status,
 * the headers the application set and whether it set a cookie, and holds the body back until
 * {@link #sendTo}. After sendError or sendRedirect it steps aside: the container's error page (or the
 * redirect) goes straight to the real response, and nothing is kept. The page cache renders in template
 * mode ({@link PersonalParts}): what is kept is the {@link PageTemplate}, and what is sent the visitors' page.
 */
final class CapturingResponse extends HttpServletResponseWrapper {

    /** Headers the container computes per response: never replayed from the cache. */
    private static final Set<String> NOT_KEPT = Set.of("set-cookie", "content-length", "date", "transfer-encoding", "connection");

    private final ByteArrayOutputStream body = new ByteArrayOutputStream(16 * 1024);
    private final List<CachedPage.Header> headers = new ArrayList<>();
    private int status = SC_OK;
    private boolean cookieSet;
    private boolean errorSent;   // from then on everything passes through to the real response
    private ServletOutputStream stream;
    private PrintWriter writer;

    private PageTemplate parsed;

    CapturingResponse(HttpServletResponse response) {
        super(response);
    }

    /**
     * Whether this rendering may be shared with other visitors. The container adds a new session's cookie
     * to the real response, past this wrapper, so the real response's headers are checked too.
     */
    boolean shareable(int maxBytes) {
        return status == SC_OK && !errorSent && !cookieSet && getHeaders("Set-Cookie").isEmpty()
                && body.size() <= maxBytes && !hasViewState();
    }

    /** The status the rendering set (200 unless it set another). */
    int status() {
        return status;
    }

    CachedPage page(long renderedAtMillis) {
        return new CachedPage(getContentType(), List.copyOf(headers), template(), renderedAtMillis);
    }

    /** The template this rendering is. */
    private PageTemplate template() {
        if (parsed == null) {
            flushWriter();
            Charset charset = Charset.forName(getCharacterEncoding());
            parsed = PageTemplate.parse(body.toString(charset), charset);
        }
        return parsed;
    }

    /** Writes what was rendered to the real response (nothing after sendError: the error page owns it). */
    void sendTo(HttpServletResponse response) throws IOException {
        if (errorSent) {
            return;
        }
        byte[] page = template().visitorBody();
        response.setContentLength(page.length);
        response.getOutputStream().write(page);
    }

    /** Faces view state belongs to one session: a page that carries it is never shared. */
    /**
     * Whether the page holds a form with server-side view state (a per-session key). A stateless view's
     * forms carry the value {@code stateless}: nothing personal, so such a page may be shared.
     */
    private boolean hasViewState() {
        flushWriter();
        return STATEFUL_VIEW_STATE.matcher(body.toString(Charset.forName(getCharacterEncoding()))).find();
    }

    private static final Pattern STATEFUL_VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"(?![^>]*value=\"stateless\")");

    private void flushWriter() {
        if (writer != null) {
            writer.flush();
        }
    }

    @Override
    public void setStatus(int sc) {
        status = sc;
        super.setStatus(sc);
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        status = sc;
        errorSent = true;
        super.sendError(sc, msg);
    }

    @Override
    public void sendError(int sc) throws IOException {
        status = sc;
        errorSent = true;
        super.sendError(sc);
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        status = SC_FOUND;
        errorSent = true;   // the container answers; nothing of ours to send
        super.sendRedirect(location);
    }

    @Override
    public void addCookie(Cookie cookie) {
        cookieSet = true;
        super.addCookie(cookie);
    }

    @Override
    public void setHeader(String name, String value) {
        record(name, value, true);
        super.setHeader(name, value);
    }

    @Override
    public void addHeader(String name, String value) {
        record(name, value, false);
        super.addHeader(name, value);
    }

    private void record(String name, String value, boolean replace) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.equals("set-cookie")) {
            cookieSet = true;
        }
        if (NOT_KEPT.contains(lower) || lower.equals("content-type")) {
            return;
        }
        if (replace) {
            headers.removeIf(h -> h.name().equalsIgnoreCase(name));
        }
        if (value != null) {
            headers.add(new CachedPage.Header(name, value));
        }
    }

    @Override
    public ServletOutputStream getOutputStream() throws IOException {
        if (errorSent) {
            return super.getOutputStream();
        }
        if (stream == null) {
            stream = new ServletOutputStream() {
                @Override
                public void write(int b) {
                    body.write(b);
                }

                @Override
                public void write(byte[] b, int off, int len) {
                    body.write(b, off, len);
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setWriteListener(WriteListener listener) {
                    throw new UnsupportedOperationException("the page cache renders synchronously");
                }
            };
        }
        return stream;
    }

    @Override
    public PrintWriter getWriter() throws IOException {
        if (errorSent) {
            return super.getWriter();
        }
        if (writer == null) {
            writer = new PrintWriter(new OutputStreamWriter(getOutputStream(), Charset.forName(getCharacterEncoding())));
        }
        return writer;
    }

    @Override
    public void flushBuffer() throws IOException {
        if (errorSent) {
            super.flushBuffer();
            return;
        }
        flushWriter();   // held until sendTo: the real response stays uncommitted
    }

    @Override
    public boolean isCommitted() {
        return errorSent && super.isCommitted();
    }

    @Override
    public void resetBuffer() {
        if (errorSent) {
            super.resetBuffer();
            return;
        }
        flushWriter();
        body.reset();
    }

    @Override
    public void reset() {
        if (errorSent) {
            super.reset();
            return;
        }
        resetBuffer();
        headers.clear();
        status = SC_OK;
        super.setStatus(SC_OK);   // not super.reset(): it would drop the headers earlier filters set
    }

    @Override
    public void setContentLength(int len) {
        if (errorSent) {
            super.setContentLength(len);   // otherwise computed from the captured body in sendTo
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (errorSent) {
            super.setContentLengthLong(len);
        }
    }
}
