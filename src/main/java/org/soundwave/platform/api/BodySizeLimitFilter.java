package org.soundwave.platform.api;

import jakarta.inject.Inject;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Refuses API request bodies over {@code soundwave.api.max-body-bytes} (image uploads to /api/images:
 * {@code soundwave.api.max-image-bytes}) with 413 before anything parses them: at once when
 * Content-Length says so, else (chunked) after reading one byte past the limit.
 */
@WebFilter(filterName = "bodySizeLimit") // mapped in web.xml (filter order)
public class BodySizeLimitFilter extends HttpFilter {

    @Inject
    @ConfigProperty(name = "soundwave.api.max-body-bytes", defaultValue = "65536")
    int maxBytes;

    @Inject
    @ConfigProperty(name = "soundwave.api.max-image-bytes", defaultValue = "2097152")
    int maxImageBytes;

    /** Pictures are uploaded to /api/images; every other body is JSON or a form. */
    private int limitFor(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + "/api/images") ? maxImageBytes : maxBytes;
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        int limit = limitFor(request);
        long declared = request.getContentLengthLong();
        if (declared > limit) {
            tooLarge(response, limit);
            return;
        }
        if (declared >= 0 || !hasBody(request)) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(limit + 1);
        if (body.length > limit) {
            tooLarge(response, limit);
            return;
        }
        chain.doFilter(new BufferedBody(request, body), response);
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    private static void tooLarge(HttpServletResponse response, int limit) throws IOException {
        response.setHeader("Connection", "close");
        Problem.of(Response.Status.REQUEST_ENTITY_TOO_LARGE, "payload-too-large",
                "The body is larger than " + limit + " bytes.").writeTo(response);
    }

    /** The request with its (size-checked) body read into memory. */
    private static final class BufferedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        BufferedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }

                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("blocking reads only");
                }
            };
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
