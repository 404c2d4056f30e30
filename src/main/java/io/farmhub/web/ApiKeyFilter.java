package io.farmhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.farmhub.security.User;
import io.farmhub.security.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code Authorization: Bearer <api-key>} on every {@code /api} request: the key names the user, or the
 * answer is 401. Only paths listed in {@code farmhub.security.open-paths} pass without one; everything
 * outside {@code /api} (the actuator's health) is open. The key is never logged.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

    static final String USER_ATTRIBUTE = User.class.getName();
    private static final String BEARER = "Bearer ";

    private final Users users;
    private final ObjectMapper mapper;
    private final List<String> openPaths;
    private final AntPathMatcher matcher = new AntPathMatcher();

    public ApiKeyFilter(Users users, ObjectMapper mapper, List<String> openPaths) {
        this.users = users;
        this.mapper = mapper;
        this.openPaths = openPaths;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return !(path.equals("/api") || path.startsWith("/api/"))
                || openPaths.stream().anyMatch(open -> matcher.match(open, path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        String key = header != null && header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                ? header.substring(BEARER.length()).trim()
                : null;
        Optional<User> user = users.authenticate(key);
        if (user.isEmpty()) {
            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"farmhub\"");
            Problems.write(request, response, mapper, Problems.of(HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                    null, key == null
                            ? "Send your API key as 'Authorization: Bearer <api-key>'."
                            : "The API key is not valid."));
            return;
        }
        request.setAttribute(USER_ATTRIBUTE, user.get());
        chain.doFilter(request, response);
    }
}
