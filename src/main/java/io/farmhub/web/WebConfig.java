package io.farmhub.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.farmhub.security.EntraIdTokens;
import io.farmhub.security.SecurityProperties;
import io.farmhub.security.User;
import io.farmhub.security.Users;
import java.util.List;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.Ordered;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The HTTP front door: who is calling (API key or Entra ID token → {@link User}), then how big the body may be. A controller
 * method names a {@link User} parameter to get the caller.
 */
@Configuration(proxyBeanMethods = false)
public class WebConfig implements WebMvcConfigurer {

    @Bean
    FilterRegistrationBean<ApiKeyFilter> apiKeyFilter(Users users, EntraIdTokens tokens, ObjectMapper mapper,
            SecurityProperties security) {
        var registration = new FilterRegistrationBean<>(
                new ApiKeyFilter(users, tokens, mapper, security.openPaths()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 100);
        return registration;
    }

    @Bean
    FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(WebProperties web, ObjectMapper mapper) {
        var registration = new FilterRegistrationBean<>(
                new RequestBodyLimitFilter(web.maxBodyBytes(), web.maxBodyBytesByPath(), mapper));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 110);
        return registration;
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(new HandlerMethodArgumentResolver() {
            @Override
            public boolean supportsParameter(MethodParameter parameter) {
                return parameter.getParameterType() == User.class;
            }

            @Override
            public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mav,
                    NativeWebRequest request, WebDataBinderFactory binders) {
                Object user = request.getAttribute(ApiKeyFilter.USER_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
                if (user == null) {
                    // Only reachable if a path under /api was opened by configuration and still asks who calls.
                    throw new ApiProblem(org.springframework.http.HttpStatus.UNAUTHORIZED, Problems.UNAUTHORIZED,
                            null, "Send your API key as 'Authorization: Bearer <api-key>'.");
                }
                return user;
            }
        });
    }
}
