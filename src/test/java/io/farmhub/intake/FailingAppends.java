package io.farmhub.intake;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.POJONode;
import io.farmhub.core.Json;
import io.farmhub.core.NewEvent;
import io.farmhub.eventstore.EventStore;
import io.farmhub.eventstore.EventStoreException;
import io.farmhub.eventstore.StreamAppend;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * An event store that fails, as a storage outage would, for some commands' writes: any append carrying a command
 * whose id starts with one of {@code faults}' prefixes (its events, or the batch record naming it) fails while that
 * prefix's supplier answers true.
 */
final class FailingAppends {

    private FailingAppends() {
    }

    /** Wraps every event store bean of the context (the one the hub writes through) with {@link #around}. */
    static BeanPostProcessor inEveryStore(Map<String, BooleanSupplier> faults) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof EventStore store ? around(store, faults) : bean;
            }
        };
    }

    static EventStore around(EventStore real, Map<String, BooleanSupplier> faults) {
        return (EventStore) Proxy.newProxyInstance(EventStore.class.getClassLoader(), new Class<?>[] {EventStore.class},
                (proxy, method, args) -> {
                    if (method.getName().startsWith("append") && args != null) {
                        for (Map.Entry<String, BooleanSupplier> fault : faults.entrySet()) {
                            if (mentions(args[args.length - 1], fault.getKey()) && fault.getValue().getAsBoolean()) {
                                throw new EventStoreException("the event store is unreachable");
                            }
                        }
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean mentions(Object appended, String prefix) throws JsonProcessingException {
        List<?> parts = appended instanceof List<?> list ? list : List.of();
        for (Object part : parts) {
            List<?> events = part instanceof StreamAppend a ? a.events() : List.of(part);
            for (Object e : events) {
                if (e instanceof NewEvent event && (String.valueOf(event.correlationId()).startsWith(prefix)
                        || event.data() instanceof POJONode pojo
                        // As stored: a record's own toString would print its events' POJONodes without java.time.
                        && Json.MAPPER.writeValueAsString(pojo.getPojo()).contains(prefix))) {
                    return true;
                }
            }
        }
        return false;
    }
}
