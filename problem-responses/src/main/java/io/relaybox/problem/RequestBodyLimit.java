package io.relaybox.problem;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Refuses request bodies larger than a limit with 413 and a problem+json body naming the field {@code body}, before
 * anything reads them: at once when the {@code Content-Length} says so, and while reading when the body comes in chunks
 * ({@link TooLarge}, which {@link ProblemResponses} answers with the same 413). Without it a client could make a service
 * parse (and keep in memory) a body of any size.
 */
public final class RequestBodyLimit extends OncePerRequestFilter {

    /** The property that sets the limit, e.g. {@code 1MB} (the default). */
    public static final String PROPERTY = "relaybox.http.max-request-body-size";

    /**
     * The property that sets other limits for some paths, e.g. {@code relaybox.http.large-request-bodies[/migration/state]=256MB}:
     * an endpoint that takes a whole state (a migration back-fill), not one request's worth.
     */
    public static final String LARGE_BODIES_PROPERTY = "relaybox.http.large-request-bodies";

    private final long maxBytes;
    private final Map<String, Long> maxBytesByPath;

    /** @param maxBytes the largest body accepted */
    public RequestBodyLimit(long maxBytes) {
        this(maxBytes, Map.of());
    }

    /**
     * @param maxBytes the largest body accepted, unless the path has its own limit
     * @param maxBytesByPath the largest body accepted on these paths (exactly as requested)
     */
    public RequestBodyLimit(long maxBytes, Map<String, Long> maxBytesByPath) {
        if (maxBytes <= 0) {
            throw new IllegalArgumentException(PROPERTY + " must be positive, was " + maxBytes + " bytes");
        }
        maxBytesByPath.forEach((path, limit) -> {
            if (limit <= 0) {
                throw new IllegalArgumentException(LARGE_BODIES_PROPERTY + "[" + path + "] must be positive, was " + limit + " bytes");
            }
        });
        this.maxBytes = maxBytes;
        this.maxBytesByPath = Map.copyOf(maxBytesByPath);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = maxBytesByPath.getOrDefault(request.getRequestURI(), maxBytes);
        long length = request.getContentLengthLong();
        if (length > limit) {
            refuse(request, response, limit);
            return;
        }
        chain.doFilter(length < 0 ? new Limited(request, limit) : request, response);
    }

    private static void refuse(HttpServletRequest request, HttpServletResponse response, long maxBytes) throws IOException {
        ProblemDetail problem = problem(maxBytes);
        try {
            problem.setInstance(URI.create(request.getRequestURI()));
        } catch (IllegalArgumentException unusual) {
            // a path Tomcat let through but java.net.URI cannot hold: the problem goes without it
        }
        ProblemJson.write(response, problem);
    }

    /** The 413 problem of a body over the limit, the same whether its length was announced or counted. */
    static ProblemDetail problem(long maxBytes) {
        return ProblemResponses.problem(HttpStatus.CONTENT_TOO_LARGE, "Content Too Large", detail(maxBytes),
                List.of(new FieldViolation("body", "size must be at most " + maxBytes + " bytes")));
    }

    static String detail(long maxBytes) {
        return "the request body is larger than " + maxBytes + " bytes";
    }

    /** Thrown while reading a chunked body past the limit. */
    public static final class TooLarge extends IOException {

        private static final long serialVersionUID = 1L;
        private final long maxBytes;

        TooLarge(long maxBytes) {
            super(detail(maxBytes));
            this.maxBytes = maxBytes;
        }

        public long maxBytes() {
            return maxBytes;
        }
    }

    /** The request, its body counted as it is read. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long maxBytes;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long maxBytes) {
            super(request);
            this.maxBytes = maxBytes;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), maxBytes);
            }
            return stream;
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long maxBytes;
        private long read;

        Counting(ServletInputStream in, long maxBytes) {
            this.in = in;
            this.maxBytes = maxBytes;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > maxBytes) {
                throw new TooLarge(maxBytes);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}
