package io.farmhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.farmhub.core.ErrorCode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Request bodies larger than {@code farmhub.web.max-body-bytes} (1 MiB) get 413 before anything parses them:
 * at once when Content-Length says so, or as soon as a chunked body crosses the limit while being read.
 * {@code farmhub.web.max-body-bytes-by-path} raises or lowers it for a path prefix.
 */
public class RequestBodyLimitFilter extends OncePerRequestFilter {

    private final long defaultLimit;
    private final Map<String, Long> limitsByPath;
    private final ObjectMapper mapper;

    public RequestBodyLimitFilter(long defaultLimit, Map<String, Long> limitsByPath, ObjectMapper mapper) {
        this.defaultLimit = defaultLimit;
        this.limitsByPath = limitsByPath;
        this.mapper = mapper;
    }

    long limitFor(String path) {
        return limitsByPath.entrySet().stream()
                .filter(e -> path.startsWith(e.getKey()))
                .max(Map.Entry.comparingByKey((a, b) -> Integer.compare(a.length(), b.length())))
                .map(Map.Entry::getValue)
                .orElse(defaultLimit);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long limit = limitFor(request.getRequestURI().substring(request.getContextPath().length()));
        if (request.getContentLengthLong() > limit) {
            Problems.write(request, response, mapper, Problems.of(HttpStatus.PAYLOAD_TOO_LARGE,
                    ErrorCode.TOO_LARGE.name(), null, "The request body is " + request.getContentLengthLong()
                            + " bytes; FarmHub accepts at most " + limit + " bytes."));
            return;
        }
        chain.doFilter(new Limited(request, limit), response);
    }

    /** Counts what is read and stops at the limit, whatever the headers claimed. */
    private static final class Limited extends HttpServletRequestWrapper {

        private final long limit;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), limit);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            Charset charset = StandardCharsets.UTF_8;
            try {
                if (getCharacterEncoding() != null) {
                    charset = Charset.forName(getCharacterEncoding());
                }
            } catch (IllegalArgumentException unknownCharset) {
                // keep UTF-8: the JSON parser will say what is wrong with the bytes
            }
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class Counting extends ServletInputStream {

        private final ServletInputStream in;
        private final long limit;
        private long count;

        Counting(ServletInputStream in, long limit) {
            this.in = in;
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                counted(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                counted(n);
            }
            return n;
        }

        private void counted(int n) throws IOException {
            count += n;
            if (count > limit) {
                throw new RequestBodyTooLargeException(limit);
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
