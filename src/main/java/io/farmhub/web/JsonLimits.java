package io.farmhub.web;

import com.fasterxml.jackson.core.StreamReadConstraints;
import org.springframework.boot.autoconfigure.jackson.Jackson2ObjectMapperBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Caps how deep request JSON may nest, in the parser itself, so a hostile document of a million brackets is
 * refused after 64 levels instead of exhausting the stack.
 */
@Configuration(proxyBeanMethods = false)
public class JsonLimits {

    public static final int MAX_NESTING_DEPTH = 64;

    @Bean
    Jackson2ObjectMapperBuilderCustomizer nestingDepthLimit() {
        return builder -> builder.postConfigurer(mapper -> mapper.getFactory().setStreamReadConstraints(
                StreamReadConstraints.builder().maxNestingDepth(MAX_NESTING_DEPTH).build()));
    }
}
